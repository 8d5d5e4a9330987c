// The seed documents' example project (Featurevisor v1 YAML dialect).
module.exports = {
  environments: ['development', 'staging', 'production'],
  tags: ['all', 'checkout', 'payments', 'onboarding', 'ui', 'web', 'mobile'],
  defaultBucketBy: 'userId',
};
