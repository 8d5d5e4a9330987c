// Upstream @featurevisor/sdk 2.0.0 bugs where Flagwright follows the documented behaviour instead.
// The differential test attributes every disagreement with the SDK to one of these (or fails).

export interface KnownSdkDifference {
  name: string;
  description: string;
}

export const KNOWN_SDK_DIFFERENCES: readonly KnownSdkDifference[] = [
  {
    name: 'required-variables',
    description:
      'When getVariable checks whether the feature is enabled, the SDK evaluates its `required` features with the ' +
      'variable key still set, so a required feature that lacks a variable of that name counts as disabled and the ' +
      'variable falls back to disabledValue / default-when-disabled / null although isEnabled is true. Flagwright ' +
      'checks required features exactly as isEnabled does.',
  },
  {
    name: 'forced-zero-percent-variables',
    description:
      'For a user whose flag is forced (or sticky) enabled but whose first matching rule has percentage 0, the SDK ' +
      'returns null for every variable (reason "rule"), not even the default. Flagwright resolves the variable as ' +
      'for any enabled feature: rule variables, variation variables and overrides, then the default value.',
  },
];
