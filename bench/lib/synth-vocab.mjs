// Word lists and attribute catalogue for the synthetic project generator.

// [key, type, value kind, description]; value kinds pick how witness values are drawn.
export const ATTRIBUTE_CATALOGUE = [
  ['userId', 'string', 'id', 'Stable user identifier'],
  ['deviceId', 'string', 'id', 'Device identifier for signed-out traffic'],
  ['accountId', 'string', 'id', 'Billing account identifier'],
  ['country', 'string', 'pool', 'ISO country code, lower case'],
  ['locale', 'string', 'pool', 'UI locale'],
  ['platform', 'string', 'pool', 'Client platform'],
  ['tier', 'string', 'pool', 'Subscription tier'],
  ['browser', 'string', 'pool', 'Browser family'],
  ['email', 'string', 'email', 'Primary e-mail address'],
  ['market', 'string', 'pool', 'Commercial market'],
  ['referrer', 'string', 'pool', 'Acquisition source'],
  ['team', 'string', 'pool', 'Owning team of internal accounts'],
  ['appVersion', 'semver', 'semver', 'Installed app version'],
  ['osVersion', 'semver', 'semver', 'Operating system version'],
  ['clientVersion', 'semver', 'semver', 'Client library version'],
  ['age', 'integer', [16, 85], 'Age in years'],
  ['daysSinceSignup', 'integer', [0, 2500], 'Days since the account was created'],
  ['visits', 'integer', [0, 400], 'Visits in the last 90 days'],
  ['basketSize', 'integer', [0, 25], 'Items currently in the basket'],
  ['engagement', 'double', [0, 10], 'Engagement score'],
  ['spend', 'double', [0, 2000], 'Spend in the last year'],
  ['isPaying', 'boolean', 'boolean', 'Has an active paid subscription'],
  ['isStaff', 'boolean', 'boolean', 'Internal staff account'],
  ['optedIntoBeta', 'boolean', 'boolean', 'Joined the beta programme'],
  ['hasCoupon', 'boolean', 'boolean', 'Holds an unused coupon'],
  ['signedUpAt', 'date', 'date', 'Sign-up timestamp'],
  ['lastSeenAt', 'date', 'date', 'Last activity timestamp'],
  ['currency', 'string', 'pool', 'Display currency'],
  ['screen', 'string', 'pool', 'Screen size class'],
  ['cohort', 'string', 'pool', 'Research cohort'],
];

export const EXTRA_ATTRIBUTE_TYPES = [
  ['string', 'word'],
  ['integer', [0, 1000]],
  ['boolean', 'boolean'],
  ['semver', 'semver'],
  ['double', [0, 1]],
  ['date', 'date'],
];

export const POOLS = {
  country: ['us', 'gb', 'de', 'fr', 'nl', 'es', 'it', 'pt', 'se', 'no', 'fi', 'dk', 'pl', 'cz', 'jp', 'kr', 'in', 'br', 'ar', 'mx', 'ca', 'au', 'nz', 'za'],
  locale: ['en-us', 'en-gb', 'de-de', 'fr-fr', 'nl-nl', 'es-es', 'ja-jp', 'pt-br', 'sv-se', 'pl-pl'],
  platform: ['web', 'ios', 'android', 'macos', 'windows', 'linux', 'smart-tv'],
  tier: ['free', 'starter', 'growth', 'scale', 'enterprise', 'trial'],
  browser: ['chrome', 'firefox', 'safari', 'edge', 'brave', 'vivaldi', 'opera'],
  market: ['north-america', 'latin-america', 'western-europe', 'nordics', 'central-europe', 'japan', 'oceania', 'south-asia'],
  referrer: ['search', 'social', 'newsletter', 'partner', 'podcast', 'direct', 'app-store', 'affiliate'],
  team: ['platform', 'growth', 'payments', 'mobile', 'support', 'design', 'data'],
  currency: ['usd', 'eur', 'gbp', 'jpy', 'sek', 'nok', 'pln', 'brl', 'cad', 'aud', 'inr'],
  screen: ['xs', 'sm', 'md', 'lg', 'xl', 'tv'],
  cohort: ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'],
};

export const WORDS = ['amber', 'basil', 'cedar', 'dune', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kelp', 'lumen'];
export const PEOPLE = ['ada', 'brian', 'chioma', 'dmitri', 'elena', 'farid', 'grace', 'hiro', 'ines', 'jonas'];
export const MAIL_DOMAINS = ['example.com', 'example.org', 'staff.example.net', 'mail.test', 'corp.test'];

export const DEFAULT_TAGS = ['all', 'web', 'ios', 'android', 'backend', 'checkout', 'search', 'growth', 'billing', 'onboarding',
  'account', 'catalog', 'messaging', 'analytics', 'pricing', 'support', 'admin', 'partners', 'content', 'infra'];

export const AREAS = ['checkout', 'search', 'basket', 'account', 'onboarding', 'billing', 'catalog', 'payments', 'homepage', 'feed',
  'settings', 'messages', 'helpdesk', 'pricing', 'referrals', 'rewards', 'delivery', 'reviews', 'favourites', 'console'];
export const THINGS = ['banner', 'revamp', 'suggestions', 'drawer', 'button', 'dialog', 'hint', 'grid', 'ranker', 'plans',
  'badge', 'slider', 'facets', 'nudge', 'upsell', 'panel', 'switch', 'stepper', 'footer', 'navbar'];
export const ADJECTIVES = ['new', 'faster', 'simpler', 'compact', 'smarter', 'bolder', 'quieter', 'tailored', 'guided', 'instant',
  'unified', 'adaptive', 'refreshed', 'lighter', 'richer', 'legacy'];

// [key, type] of the variables features may declare.
export const VARIABLE_CATALOGUE = [
  ['headline', 'string'], ['caption', 'string'], ['buttonLabel', 'string'], ['palette', 'string'], ['placement', 'string'],
  ['itemLimit', 'integer'], ['batchSize', 'integer'], ['timeoutMs', 'integer'], ['maxAttempts', 'integer'],
  ['discount', 'double'], ['sampleRate', 'double'],
  ['showIcon', 'boolean'], ['animate', 'boolean'], ['prefetch', 'boolean'],
  ['paymentMethods', 'array'], ['modules', 'array'],
  ['styling', 'object'], ['quota', 'object'],
  ['settings', 'json'], ['experimentConfig', 'json'],
];
export const TEXTS = ['Hello there', 'Check out now', 'Start your trial', 'Next', 'Read more', 'teal', 'orange', 'slate', 'sand',
  'above', 'below', 'inline', 'Get going', 'Go premium', '15% off today', 'Last chance'];
export const LIST_ITEMS = ['card', 'sepa', 'paypal', 'ideal', 'bancontact', 'apple-pay', 'google-pay', 'hero', 'carousel', 'grid', 'faq', 'ratings'];
