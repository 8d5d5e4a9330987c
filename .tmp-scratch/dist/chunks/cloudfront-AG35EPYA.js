import { createRequire as __c } from 'node:module';const require = __c(import.meta.url);
import {
  client_exports as client_exports2,
  dist_es_exports,
  httpAuthSchemes_exports,
  init_client as init_client2,
  init_dist_es,
  init_httpAuthSchemes,
  init_protocols,
  init_protocols2,
  init_retry,
  protocols_exports,
  protocols_exports2,
  require_dist_cjs2 as require_dist_cjs,
  require_dist_cjs3 as require_dist_cjs2,
  retry_exports
} from "./chunk-CK4ZO2R5.js";
import {
  ProviderError,
  joinKey
} from "./chunk-5MYE6JNS.js";
import {
  checksum_exports,
  client_exports,
  config_exports,
  endpoints_exports,
  init_checksum,
  init_client,
  init_config,
  init_endpoints,
  init_schema,
  init_serde,
  schema_exports,
  serde_exports
} from "./chunk-FQWOZLOL.js";
import {
  __commonJS,
  __toCommonJS,
  __toESM
} from "./chunk-5WM6WAOP.js";

// node_modules/@aws-sdk/client-cloudfront/dist-cjs/index.js
var require_dist_cjs3 = __commonJS({
  "node_modules/@aws-sdk/client-cloudfront/dist-cjs/index.js"(exports) {
    var { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, getDefaultSocketTimeout, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = (init_client2(), __toCommonJS(client_exports2));
    var { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin, createPaginator } = (init_dist_es(), __toCommonJS(dist_es_exports));
    var { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createWaiter, checkExceptions, WaiterState, createAggregatedClient } = (init_client(), __toCommonJS(client_exports));
    var { Command: $Command } = (init_client(), __toCommonJS(client_exports));
    exports.$Command = $Command;
    exports.__Client = Client;
    var { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = (init_config(), __toCommonJS(config_exports));
    var { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = (init_endpoints(), __toCommonJS(endpoints_exports));
    var { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = (init_protocols(), __toCommonJS(protocols_exports));
    var { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = (init_retry(), __toCommonJS(retry_exports));
    var { TypeRegistry, getSchemaSerdePlugin } = (init_schema(), __toCommonJS(schema_exports));
    var { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = (init_httpAuthSchemes(), __toCommonJS(httpAuthSchemes_exports));
    var { defaultProvider } = require_dist_cjs2();
    var { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = (init_serde(), __toCommonJS(serde_exports));
    var { streamCollector, NodeHttpHandler } = require_dist_cjs();
    var { AwsRestXmlProtocol } = (init_protocols2(), __toCommonJS(protocols_exports2));
    var { Sha256 } = (init_checksum(), __toCommonJS(checksum_exports));
    var defaultCloudFrontHttpAuthSchemeParametersProvider = async (config, context, input) => {
      return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
          throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })()
      };
    };
    function createAwsAuthSigv4HttpAuthOption(authParameters) {
      return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
          name: "cloudfront",
          region: authParameters.region
        },
        propertiesExtractor: (config, context) => ({
          signingProperties: {
            config,
            context
          }
        })
      };
    }
    var defaultCloudFrontHttpAuthSchemeProvider = (authParameters) => {
      const options = [];
      switch (authParameters.operation) {
        default: {
          options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
      }
      return options;
    };
    var resolveHttpAuthSchemeConfig = (config) => {
      const config_0 = resolveAwsSdkSigV4Config(config);
      return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? [])
      });
    };
    var resolveClientEndpointParameters = (options) => {
      return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "cloudfront"
      });
    };
    var commonParams = {
      UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
      Endpoint: { type: "builtInParams", name: "endpoint" },
      Region: { type: "builtInParams", name: "region" },
      UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" }
    };
    var version = "3.1161.0";
    var packageInfo = {
      version
    };
    var o = "ref";
    var p = "authSchemes";
    var q = "name";
    var s = "signingRegion";
    var a = -1;
    var b = true;
    var c = "isSet";
    var d = "PartitionResult";
    var e = "booleanEquals";
    var f = "stringEquals";
    var g = "getAttr";
    var h = { [o]: "Endpoint" };
    var i = { "fn": g, "argv": [{ [o]: d }, "name"] };
    var j = { [o]: d };
    var k = { [p]: [{ [q]: "sigv4", [s]: "us-east-1" }] };
    var l = { [p]: [{ [q]: "sigv4", [s]: "cn-northwest-1" }] };
    var m = { [p]: [{ [q]: "sigv4", [s]: "{PartitionResult#implicitGlobalRegion}" }] };
    var n = [{ [o]: "Region" }];
    var _data = {
      conditions: [
        [c, [h]],
        [c, n],
        ["aws.partition", n, d],
        [e, [{ [o]: "UseFIPS" }, b]],
        [e, [{ [o]: "UseDualStack" }, b]],
        [f, [i, "aws"]],
        [f, [i, "aws-cn"]],
        [e, [{ fn: g, argv: [j, "supportsDualStack"] }, b]],
        [e, [{ fn: g, argv: [j, "supportsFIPS"] }, b]]
      ],
      results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [h, {}],
        ["https://cloudfront.global.api.aws", k],
        ["https://cloudfront-fips.global.api.aws", k],
        ["https://cloudfront.cn-northwest-1.amazonaws.com.cn", l],
        ["https://cloudfront-fips.cn-northwest-1.amazonaws.com.cn", l],
        ["https://cloudfront-fips.{PartitionResult#dualStackDnsSuffix}", m],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://cloudfront-fips.{PartitionResult#dnsSuffix}", m],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://cloudfront.{PartitionResult#dualStackDnsSuffix}", m],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://cloudfront.{PartitionResult#dnsSuffix}", m],
        [a, "Invalid Configuration: Missing Region"]
      ]
    };
    var root = 2;
    var r = 1e8;
    var nodes = new Int32Array([
      -1,
      1,
      -1,
      0,
      16,
      3,
      1,
      4,
      r + 15,
      2,
      5,
      r + 15,
      3,
      10,
      6,
      4,
      8,
      7,
      6,
      r + 6,
      r + 14,
      5,
      r + 4,
      9,
      7,
      r + 12,
      r + 13,
      4,
      13,
      11,
      6,
      r + 7,
      12,
      8,
      r + 10,
      r + 11,
      5,
      r + 5,
      14,
      7,
      15,
      r + 9,
      8,
      r + 8,
      r + 9,
      3,
      r + 1,
      17,
      4,
      r + 2,
      r + 3
    ]);
    var bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);
    var cache = new EndpointCache({
      size: 50,
      params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"]
    });
    var defaultEndpointResolver = (endpointParams, context = {}) => {
      return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams,
        logger: context.logger
      }));
    };
    customEndpointFunctions.aws = awsEndpointFunctions;
    var CloudFrontServiceException = class _CloudFrontServiceException extends ServiceException {
      static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.cloudfront#CloudFrontServiceException";
      constructor(options) {
        super(options);
        Object.setPrototypeOf(this, _CloudFrontServiceException.prototype);
      }
    };
    var AccessDenied = class _AccessDenied extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#AccessDenied";
      name = "AccessDenied";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "AccessDenied",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _AccessDenied.prototype);
        this.Message = opts.Message;
      }
    };
    var IllegalUpdate = class _IllegalUpdate extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#IllegalUpdate";
      name = "IllegalUpdate";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "IllegalUpdate",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _IllegalUpdate.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidArgument = class _InvalidArgument extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidArgument";
      name = "InvalidArgument";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidArgument",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidArgument.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchDistribution = class _NoSuchDistribution extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchDistribution";
      name = "NoSuchDistribution";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchDistribution",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchDistribution.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionCNAMEs = class _TooManyDistributionCNAMEs extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionCNAMEs";
      name = "TooManyDistributionCNAMEs";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionCNAMEs",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionCNAMEs.prototype);
        this.Message = opts.Message;
      }
    };
    var EntityLimitExceeded = class _EntityLimitExceeded extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#EntityLimitExceeded";
      name = "EntityLimitExceeded";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "EntityLimitExceeded",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _EntityLimitExceeded.prototype);
        this.Message = opts.Message;
      }
    };
    var EntityNotFound = class _EntityNotFound extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#EntityNotFound";
      name = "EntityNotFound";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "EntityNotFound",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _EntityNotFound.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidIfMatchVersion = class _InvalidIfMatchVersion extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidIfMatchVersion";
      name = "InvalidIfMatchVersion";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidIfMatchVersion",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidIfMatchVersion.prototype);
        this.Message = opts.Message;
      }
    };
    var PreconditionFailed = class _PreconditionFailed extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#PreconditionFailed";
      name = "PreconditionFailed";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "PreconditionFailed",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _PreconditionFailed.prototype);
        this.Message = opts.Message;
      }
    };
    var BatchTooLarge = class _BatchTooLarge extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#BatchTooLarge";
      name = "BatchTooLarge";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "BatchTooLarge",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _BatchTooLarge.prototype);
        this.Message = opts.Message;
      }
    };
    var CachePolicyAlreadyExists = class _CachePolicyAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#CachePolicyAlreadyExists";
      name = "CachePolicyAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "CachePolicyAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _CachePolicyAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var CachePolicyInUse = class _CachePolicyInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#CachePolicyInUse";
      name = "CachePolicyInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "CachePolicyInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _CachePolicyInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var CannotChangeImmutablePublicKeyFields = class _CannotChangeImmutablePublicKeyFields extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#CannotChangeImmutablePublicKeyFields";
      name = "CannotChangeImmutablePublicKeyFields";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "CannotChangeImmutablePublicKeyFields",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _CannotChangeImmutablePublicKeyFields.prototype);
        this.Message = opts.Message;
      }
    };
    var CannotDeleteEntityWhileInUse = class _CannotDeleteEntityWhileInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#CannotDeleteEntityWhileInUse";
      name = "CannotDeleteEntityWhileInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "CannotDeleteEntityWhileInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _CannotDeleteEntityWhileInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var CannotUpdateEntityWhileInUse = class _CannotUpdateEntityWhileInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#CannotUpdateEntityWhileInUse";
      name = "CannotUpdateEntityWhileInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "CannotUpdateEntityWhileInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _CannotUpdateEntityWhileInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var CNAMEAlreadyExists = class _CNAMEAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#CNAMEAlreadyExists";
      name = "CNAMEAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "CNAMEAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _CNAMEAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var DistributionAlreadyExists = class _DistributionAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#DistributionAlreadyExists";
      name = "DistributionAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "DistributionAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _DistributionAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior = class _IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior";
      name = "IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior.prototype);
        this.Message = opts.Message;
      }
    };
    var InconsistentQuantities = class _InconsistentQuantities extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InconsistentQuantities";
      name = "InconsistentQuantities";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InconsistentQuantities",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InconsistentQuantities.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidDefaultRootObject = class _InvalidDefaultRootObject extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidDefaultRootObject";
      name = "InvalidDefaultRootObject";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidDefaultRootObject",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidDefaultRootObject.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidErrorCode = class _InvalidErrorCode extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidErrorCode";
      name = "InvalidErrorCode";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidErrorCode",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidErrorCode.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidForwardCookies = class _InvalidForwardCookies extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidForwardCookies";
      name = "InvalidForwardCookies";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidForwardCookies",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidForwardCookies.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidFunctionAssociation = class _InvalidFunctionAssociation extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidFunctionAssociation";
      name = "InvalidFunctionAssociation";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidFunctionAssociation",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidFunctionAssociation.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidGeoRestrictionParameter = class _InvalidGeoRestrictionParameter extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidGeoRestrictionParameter";
      name = "InvalidGeoRestrictionParameter";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidGeoRestrictionParameter",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidGeoRestrictionParameter.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidHeadersForS3Origin = class _InvalidHeadersForS3Origin extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidHeadersForS3Origin";
      name = "InvalidHeadersForS3Origin";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidHeadersForS3Origin",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidHeadersForS3Origin.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidLambdaFunctionAssociation = class _InvalidLambdaFunctionAssociation extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidLambdaFunctionAssociation";
      name = "InvalidLambdaFunctionAssociation";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidLambdaFunctionAssociation",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidLambdaFunctionAssociation.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidLocationCode = class _InvalidLocationCode extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidLocationCode";
      name = "InvalidLocationCode";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidLocationCode",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidLocationCode.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidMinimumProtocolVersion = class _InvalidMinimumProtocolVersion extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidMinimumProtocolVersion";
      name = "InvalidMinimumProtocolVersion";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidMinimumProtocolVersion",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidMinimumProtocolVersion.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidOrigin = class _InvalidOrigin extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidOrigin";
      name = "InvalidOrigin";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidOrigin",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidOrigin.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidOriginAccessControl = class _InvalidOriginAccessControl extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidOriginAccessControl";
      name = "InvalidOriginAccessControl";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidOriginAccessControl",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidOriginAccessControl.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidOriginAccessIdentity = class _InvalidOriginAccessIdentity extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidOriginAccessIdentity";
      name = "InvalidOriginAccessIdentity";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidOriginAccessIdentity",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidOriginAccessIdentity.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidOriginKeepaliveTimeout = class _InvalidOriginKeepaliveTimeout extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidOriginKeepaliveTimeout";
      name = "InvalidOriginKeepaliveTimeout";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidOriginKeepaliveTimeout",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidOriginKeepaliveTimeout.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidOriginReadTimeout = class _InvalidOriginReadTimeout extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidOriginReadTimeout";
      name = "InvalidOriginReadTimeout";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidOriginReadTimeout",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidOriginReadTimeout.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidProtocolSettings = class _InvalidProtocolSettings extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidProtocolSettings";
      name = "InvalidProtocolSettings";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidProtocolSettings",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidProtocolSettings.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidQueryStringParameters = class _InvalidQueryStringParameters extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidQueryStringParameters";
      name = "InvalidQueryStringParameters";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidQueryStringParameters",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidQueryStringParameters.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidRelativePath = class _InvalidRelativePath extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidRelativePath";
      name = "InvalidRelativePath";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidRelativePath",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidRelativePath.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidRequiredProtocol = class _InvalidRequiredProtocol extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidRequiredProtocol";
      name = "InvalidRequiredProtocol";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidRequiredProtocol",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidRequiredProtocol.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidResponseCode = class _InvalidResponseCode extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidResponseCode";
      name = "InvalidResponseCode";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidResponseCode",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidResponseCode.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidTTLOrder = class _InvalidTTLOrder extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidTTLOrder";
      name = "InvalidTTLOrder";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidTTLOrder",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidTTLOrder.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidViewerCertificate = class _InvalidViewerCertificate extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidViewerCertificate";
      name = "InvalidViewerCertificate";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidViewerCertificate",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidViewerCertificate.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidWebACLId = class _InvalidWebACLId extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidWebACLId";
      name = "InvalidWebACLId";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidWebACLId",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidWebACLId.prototype);
        this.Message = opts.Message;
      }
    };
    var MissingBody = class _MissingBody extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#MissingBody";
      name = "MissingBody";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "MissingBody",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _MissingBody.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchCachePolicy = class _NoSuchCachePolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchCachePolicy";
      name = "NoSuchCachePolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchCachePolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchCachePolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchFieldLevelEncryptionConfig = class _NoSuchFieldLevelEncryptionConfig extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchFieldLevelEncryptionConfig";
      name = "NoSuchFieldLevelEncryptionConfig";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchFieldLevelEncryptionConfig",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchFieldLevelEncryptionConfig.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchOrigin = class _NoSuchOrigin extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchOrigin";
      name = "NoSuchOrigin";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchOrigin",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchOrigin.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchOriginRequestPolicy = class _NoSuchOriginRequestPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchOriginRequestPolicy";
      name = "NoSuchOriginRequestPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchOriginRequestPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchOriginRequestPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchRealtimeLogConfig = class _NoSuchRealtimeLogConfig extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchRealtimeLogConfig";
      name = "NoSuchRealtimeLogConfig";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchRealtimeLogConfig",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchRealtimeLogConfig.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchResponseHeadersPolicy = class _NoSuchResponseHeadersPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchResponseHeadersPolicy";
      name = "NoSuchResponseHeadersPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchResponseHeadersPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchResponseHeadersPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var RealtimeLogConfigOwnerMismatch = class _RealtimeLogConfigOwnerMismatch extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#RealtimeLogConfigOwnerMismatch";
      name = "RealtimeLogConfigOwnerMismatch";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "RealtimeLogConfigOwnerMismatch",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _RealtimeLogConfigOwnerMismatch.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyCacheBehaviors = class _TooManyCacheBehaviors extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyCacheBehaviors";
      name = "TooManyCacheBehaviors";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyCacheBehaviors",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyCacheBehaviors.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyCertificates = class _TooManyCertificates extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyCertificates";
      name = "TooManyCertificates";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyCertificates",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyCertificates.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyCookieNamesInWhiteList = class _TooManyCookieNamesInWhiteList extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyCookieNamesInWhiteList";
      name = "TooManyCookieNamesInWhiteList";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyCookieNamesInWhiteList",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyCookieNamesInWhiteList.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributions = class _TooManyDistributions extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributions";
      name = "TooManyDistributions";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributions",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributions.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsAssociatedToCachePolicy = class _TooManyDistributionsAssociatedToCachePolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsAssociatedToCachePolicy";
      name = "TooManyDistributionsAssociatedToCachePolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsAssociatedToCachePolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsAssociatedToCachePolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsAssociatedToFieldLevelEncryptionConfig = class _TooManyDistributionsAssociatedToFieldLevelEncryptionConfig extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsAssociatedToFieldLevelEncryptionConfig";
      name = "TooManyDistributionsAssociatedToFieldLevelEncryptionConfig";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsAssociatedToFieldLevelEncryptionConfig",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsAssociatedToFieldLevelEncryptionConfig.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsAssociatedToKeyGroup = class _TooManyDistributionsAssociatedToKeyGroup extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsAssociatedToKeyGroup";
      name = "TooManyDistributionsAssociatedToKeyGroup";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsAssociatedToKeyGroup",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsAssociatedToKeyGroup.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsAssociatedToOriginAccessControl = class _TooManyDistributionsAssociatedToOriginAccessControl extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsAssociatedToOriginAccessControl";
      name = "TooManyDistributionsAssociatedToOriginAccessControl";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsAssociatedToOriginAccessControl",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsAssociatedToOriginAccessControl.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsAssociatedToOriginRequestPolicy = class _TooManyDistributionsAssociatedToOriginRequestPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsAssociatedToOriginRequestPolicy";
      name = "TooManyDistributionsAssociatedToOriginRequestPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsAssociatedToOriginRequestPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsAssociatedToOriginRequestPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsAssociatedToResponseHeadersPolicy = class _TooManyDistributionsAssociatedToResponseHeadersPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsAssociatedToResponseHeadersPolicy";
      name = "TooManyDistributionsAssociatedToResponseHeadersPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsAssociatedToResponseHeadersPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsAssociatedToResponseHeadersPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsWithFunctionAssociations = class _TooManyDistributionsWithFunctionAssociations extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsWithFunctionAssociations";
      name = "TooManyDistributionsWithFunctionAssociations";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsWithFunctionAssociations",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsWithFunctionAssociations.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsWithLambdaAssociations = class _TooManyDistributionsWithLambdaAssociations extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsWithLambdaAssociations";
      name = "TooManyDistributionsWithLambdaAssociations";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsWithLambdaAssociations",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsWithLambdaAssociations.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyDistributionsWithSingleFunctionARN = class _TooManyDistributionsWithSingleFunctionARN extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyDistributionsWithSingleFunctionARN";
      name = "TooManyDistributionsWithSingleFunctionARN";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyDistributionsWithSingleFunctionARN",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyDistributionsWithSingleFunctionARN.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyFunctionAssociations = class _TooManyFunctionAssociations extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyFunctionAssociations";
      name = "TooManyFunctionAssociations";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyFunctionAssociations",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyFunctionAssociations.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyHeadersInForwardedValues = class _TooManyHeadersInForwardedValues extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyHeadersInForwardedValues";
      name = "TooManyHeadersInForwardedValues";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyHeadersInForwardedValues",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyHeadersInForwardedValues.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyKeyGroupsAssociatedToDistribution = class _TooManyKeyGroupsAssociatedToDistribution extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyKeyGroupsAssociatedToDistribution";
      name = "TooManyKeyGroupsAssociatedToDistribution";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyKeyGroupsAssociatedToDistribution",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyKeyGroupsAssociatedToDistribution.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyLambdaFunctionAssociations = class _TooManyLambdaFunctionAssociations extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyLambdaFunctionAssociations";
      name = "TooManyLambdaFunctionAssociations";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyLambdaFunctionAssociations",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyLambdaFunctionAssociations.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyOriginCustomHeaders = class _TooManyOriginCustomHeaders extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyOriginCustomHeaders";
      name = "TooManyOriginCustomHeaders";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyOriginCustomHeaders",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyOriginCustomHeaders.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyOriginGroupsPerDistribution = class _TooManyOriginGroupsPerDistribution extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyOriginGroupsPerDistribution";
      name = "TooManyOriginGroupsPerDistribution";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyOriginGroupsPerDistribution",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyOriginGroupsPerDistribution.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyOrigins = class _TooManyOrigins extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyOrigins";
      name = "TooManyOrigins";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyOrigins",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyOrigins.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyQueryStringParameters = class _TooManyQueryStringParameters extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyQueryStringParameters";
      name = "TooManyQueryStringParameters";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyQueryStringParameters",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyQueryStringParameters.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyTrustedSigners = class _TooManyTrustedSigners extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyTrustedSigners";
      name = "TooManyTrustedSigners";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyTrustedSigners",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyTrustedSigners.prototype);
        this.Message = opts.Message;
      }
    };
    var TrustedKeyGroupDoesNotExist = class _TrustedKeyGroupDoesNotExist extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TrustedKeyGroupDoesNotExist";
      name = "TrustedKeyGroupDoesNotExist";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TrustedKeyGroupDoesNotExist",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TrustedKeyGroupDoesNotExist.prototype);
        this.Message = opts.Message;
      }
    };
    var TrustedSignerDoesNotExist = class _TrustedSignerDoesNotExist extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TrustedSignerDoesNotExist";
      name = "TrustedSignerDoesNotExist";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TrustedSignerDoesNotExist",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TrustedSignerDoesNotExist.prototype);
        this.Message = opts.Message;
      }
    };
    var EntityAlreadyExists = class _EntityAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#EntityAlreadyExists";
      name = "EntityAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "EntityAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _EntityAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidTagging = class _InvalidTagging extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidTagging";
      name = "InvalidTagging";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidTagging",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidTagging.prototype);
        this.Message = opts.Message;
      }
    };
    var UnsupportedOperation = class _UnsupportedOperation extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#UnsupportedOperation";
      name = "UnsupportedOperation";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "UnsupportedOperation",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _UnsupportedOperation.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyCachePolicies = class _TooManyCachePolicies extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyCachePolicies";
      name = "TooManyCachePolicies";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyCachePolicies",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyCachePolicies.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyCookiesInCachePolicy = class _TooManyCookiesInCachePolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyCookiesInCachePolicy";
      name = "TooManyCookiesInCachePolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyCookiesInCachePolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyCookiesInCachePolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyHeadersInCachePolicy = class _TooManyHeadersInCachePolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyHeadersInCachePolicy";
      name = "TooManyHeadersInCachePolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyHeadersInCachePolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyHeadersInCachePolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyQueryStringsInCachePolicy = class _TooManyQueryStringsInCachePolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyQueryStringsInCachePolicy";
      name = "TooManyQueryStringsInCachePolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyQueryStringsInCachePolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyQueryStringsInCachePolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var CloudFrontOriginAccessIdentityAlreadyExists = class _CloudFrontOriginAccessIdentityAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#CloudFrontOriginAccessIdentityAlreadyExists";
      name = "CloudFrontOriginAccessIdentityAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "CloudFrontOriginAccessIdentityAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _CloudFrontOriginAccessIdentityAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyCloudFrontOriginAccessIdentities = class _TooManyCloudFrontOriginAccessIdentities extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyCloudFrontOriginAccessIdentities";
      name = "TooManyCloudFrontOriginAccessIdentities";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyCloudFrontOriginAccessIdentities",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyCloudFrontOriginAccessIdentities.prototype);
        this.Message = opts.Message;
      }
    };
    var EntitySizeLimitExceeded = class _EntitySizeLimitExceeded extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#EntitySizeLimitExceeded";
      name = "EntitySizeLimitExceeded";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "EntitySizeLimitExceeded",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _EntitySizeLimitExceeded.prototype);
        this.Message = opts.Message;
      }
    };
    var ContinuousDeploymentPolicyAlreadyExists = class _ContinuousDeploymentPolicyAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#ContinuousDeploymentPolicyAlreadyExists";
      name = "ContinuousDeploymentPolicyAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "ContinuousDeploymentPolicyAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _ContinuousDeploymentPolicyAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var StagingDistributionInUse = class _StagingDistributionInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#StagingDistributionInUse";
      name = "StagingDistributionInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "StagingDistributionInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _StagingDistributionInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyContinuousDeploymentPolicies = class _TooManyContinuousDeploymentPolicies extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyContinuousDeploymentPolicies";
      name = "TooManyContinuousDeploymentPolicies";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyContinuousDeploymentPolicies",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyContinuousDeploymentPolicies.prototype);
        this.Message = opts.Message;
      }
    };
    var ContinuousDeploymentPolicyInUse = class _ContinuousDeploymentPolicyInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#ContinuousDeploymentPolicyInUse";
      name = "ContinuousDeploymentPolicyInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "ContinuousDeploymentPolicyInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _ContinuousDeploymentPolicyInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var IllegalOriginAccessConfiguration = class _IllegalOriginAccessConfiguration extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#IllegalOriginAccessConfiguration";
      name = "IllegalOriginAccessConfiguration";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "IllegalOriginAccessConfiguration",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _IllegalOriginAccessConfiguration.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidDomainNameForOriginAccessControl = class _InvalidDomainNameForOriginAccessControl extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidDomainNameForOriginAccessControl";
      name = "InvalidDomainNameForOriginAccessControl";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidDomainNameForOriginAccessControl",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidDomainNameForOriginAccessControl.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchContinuousDeploymentPolicy = class _NoSuchContinuousDeploymentPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchContinuousDeploymentPolicy";
      name = "NoSuchContinuousDeploymentPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchContinuousDeploymentPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchContinuousDeploymentPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var InvalidAssociation = class _InvalidAssociation extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#InvalidAssociation";
      name = "InvalidAssociation";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "InvalidAssociation",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _InvalidAssociation.prototype);
        this.Message = opts.Message;
      }
    };
    var FieldLevelEncryptionConfigAlreadyExists = class _FieldLevelEncryptionConfigAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#FieldLevelEncryptionConfigAlreadyExists";
      name = "FieldLevelEncryptionConfigAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "FieldLevelEncryptionConfigAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _FieldLevelEncryptionConfigAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchFieldLevelEncryptionProfile = class _NoSuchFieldLevelEncryptionProfile extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchFieldLevelEncryptionProfile";
      name = "NoSuchFieldLevelEncryptionProfile";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchFieldLevelEncryptionProfile",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchFieldLevelEncryptionProfile.prototype);
        this.Message = opts.Message;
      }
    };
    var QueryArgProfileEmpty = class _QueryArgProfileEmpty extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#QueryArgProfileEmpty";
      name = "QueryArgProfileEmpty";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "QueryArgProfileEmpty",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _QueryArgProfileEmpty.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyFieldLevelEncryptionConfigs = class _TooManyFieldLevelEncryptionConfigs extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyFieldLevelEncryptionConfigs";
      name = "TooManyFieldLevelEncryptionConfigs";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyFieldLevelEncryptionConfigs",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyFieldLevelEncryptionConfigs.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyFieldLevelEncryptionContentTypeProfiles = class _TooManyFieldLevelEncryptionContentTypeProfiles extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyFieldLevelEncryptionContentTypeProfiles";
      name = "TooManyFieldLevelEncryptionContentTypeProfiles";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyFieldLevelEncryptionContentTypeProfiles",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyFieldLevelEncryptionContentTypeProfiles.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyFieldLevelEncryptionQueryArgProfiles = class _TooManyFieldLevelEncryptionQueryArgProfiles extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyFieldLevelEncryptionQueryArgProfiles";
      name = "TooManyFieldLevelEncryptionQueryArgProfiles";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyFieldLevelEncryptionQueryArgProfiles",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyFieldLevelEncryptionQueryArgProfiles.prototype);
        this.Message = opts.Message;
      }
    };
    var FieldLevelEncryptionProfileAlreadyExists = class _FieldLevelEncryptionProfileAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#FieldLevelEncryptionProfileAlreadyExists";
      name = "FieldLevelEncryptionProfileAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "FieldLevelEncryptionProfileAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _FieldLevelEncryptionProfileAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var FieldLevelEncryptionProfileSizeExceeded = class _FieldLevelEncryptionProfileSizeExceeded extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#FieldLevelEncryptionProfileSizeExceeded";
      name = "FieldLevelEncryptionProfileSizeExceeded";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "FieldLevelEncryptionProfileSizeExceeded",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _FieldLevelEncryptionProfileSizeExceeded.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchPublicKey = class _NoSuchPublicKey extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchPublicKey";
      name = "NoSuchPublicKey";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchPublicKey",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchPublicKey.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyFieldLevelEncryptionEncryptionEntities = class _TooManyFieldLevelEncryptionEncryptionEntities extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyFieldLevelEncryptionEncryptionEntities";
      name = "TooManyFieldLevelEncryptionEncryptionEntities";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyFieldLevelEncryptionEncryptionEntities",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyFieldLevelEncryptionEncryptionEntities.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyFieldLevelEncryptionFieldPatterns = class _TooManyFieldLevelEncryptionFieldPatterns extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyFieldLevelEncryptionFieldPatterns";
      name = "TooManyFieldLevelEncryptionFieldPatterns";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyFieldLevelEncryptionFieldPatterns",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyFieldLevelEncryptionFieldPatterns.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyFieldLevelEncryptionProfiles = class _TooManyFieldLevelEncryptionProfiles extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyFieldLevelEncryptionProfiles";
      name = "TooManyFieldLevelEncryptionProfiles";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyFieldLevelEncryptionProfiles",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyFieldLevelEncryptionProfiles.prototype);
        this.Message = opts.Message;
      }
    };
    var FunctionAlreadyExists = class _FunctionAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#FunctionAlreadyExists";
      name = "FunctionAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "FunctionAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _FunctionAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var FunctionSizeLimitExceeded = class _FunctionSizeLimitExceeded extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#FunctionSizeLimitExceeded";
      name = "FunctionSizeLimitExceeded";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "FunctionSizeLimitExceeded",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _FunctionSizeLimitExceeded.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyFunctions = class _TooManyFunctions extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyFunctions";
      name = "TooManyFunctions";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyFunctions",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyFunctions.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyInvalidationsInProgress = class _TooManyInvalidationsInProgress extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyInvalidationsInProgress";
      name = "TooManyInvalidationsInProgress";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyInvalidationsInProgress",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyInvalidationsInProgress.prototype);
        this.Message = opts.Message;
      }
    };
    var KeyGroupAlreadyExists = class _KeyGroupAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#KeyGroupAlreadyExists";
      name = "KeyGroupAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "KeyGroupAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _KeyGroupAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyKeyGroups = class _TooManyKeyGroups extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyKeyGroups";
      name = "TooManyKeyGroups";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyKeyGroups",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyKeyGroups.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyPublicKeysInKeyGroup = class _TooManyPublicKeysInKeyGroup extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyPublicKeysInKeyGroup";
      name = "TooManyPublicKeysInKeyGroup";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyPublicKeysInKeyGroup",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyPublicKeysInKeyGroup.prototype);
        this.Message = opts.Message;
      }
    };
    var MonitoringSubscriptionAlreadyExists = class _MonitoringSubscriptionAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#MonitoringSubscriptionAlreadyExists";
      name = "MonitoringSubscriptionAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "MonitoringSubscriptionAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _MonitoringSubscriptionAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var OriginAccessControlAlreadyExists = class _OriginAccessControlAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#OriginAccessControlAlreadyExists";
      name = "OriginAccessControlAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "OriginAccessControlAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _OriginAccessControlAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyOriginAccessControls = class _TooManyOriginAccessControls extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyOriginAccessControls";
      name = "TooManyOriginAccessControls";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyOriginAccessControls",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyOriginAccessControls.prototype);
        this.Message = opts.Message;
      }
    };
    var OriginRequestPolicyAlreadyExists = class _OriginRequestPolicyAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#OriginRequestPolicyAlreadyExists";
      name = "OriginRequestPolicyAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "OriginRequestPolicyAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _OriginRequestPolicyAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyCookiesInOriginRequestPolicy = class _TooManyCookiesInOriginRequestPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyCookiesInOriginRequestPolicy";
      name = "TooManyCookiesInOriginRequestPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyCookiesInOriginRequestPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyCookiesInOriginRequestPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyHeadersInOriginRequestPolicy = class _TooManyHeadersInOriginRequestPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyHeadersInOriginRequestPolicy";
      name = "TooManyHeadersInOriginRequestPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyHeadersInOriginRequestPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyHeadersInOriginRequestPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyOriginRequestPolicies = class _TooManyOriginRequestPolicies extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyOriginRequestPolicies";
      name = "TooManyOriginRequestPolicies";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyOriginRequestPolicies",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyOriginRequestPolicies.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyQueryStringsInOriginRequestPolicy = class _TooManyQueryStringsInOriginRequestPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyQueryStringsInOriginRequestPolicy";
      name = "TooManyQueryStringsInOriginRequestPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyQueryStringsInOriginRequestPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyQueryStringsInOriginRequestPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var PublicKeyAlreadyExists = class _PublicKeyAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#PublicKeyAlreadyExists";
      name = "PublicKeyAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "PublicKeyAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _PublicKeyAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyPublicKeys = class _TooManyPublicKeys extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyPublicKeys";
      name = "TooManyPublicKeys";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyPublicKeys",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyPublicKeys.prototype);
        this.Message = opts.Message;
      }
    };
    var RealtimeLogConfigAlreadyExists = class _RealtimeLogConfigAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#RealtimeLogConfigAlreadyExists";
      name = "RealtimeLogConfigAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "RealtimeLogConfigAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _RealtimeLogConfigAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyRealtimeLogConfigs = class _TooManyRealtimeLogConfigs extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyRealtimeLogConfigs";
      name = "TooManyRealtimeLogConfigs";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyRealtimeLogConfigs",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyRealtimeLogConfigs.prototype);
        this.Message = opts.Message;
      }
    };
    var ResponseHeadersPolicyAlreadyExists = class _ResponseHeadersPolicyAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#ResponseHeadersPolicyAlreadyExists";
      name = "ResponseHeadersPolicyAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "ResponseHeadersPolicyAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _ResponseHeadersPolicyAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var TooLongCSPInResponseHeadersPolicy = class _TooLongCSPInResponseHeadersPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooLongCSPInResponseHeadersPolicy";
      name = "TooLongCSPInResponseHeadersPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooLongCSPInResponseHeadersPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooLongCSPInResponseHeadersPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyCustomHeadersInResponseHeadersPolicy = class _TooManyCustomHeadersInResponseHeadersPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyCustomHeadersInResponseHeadersPolicy";
      name = "TooManyCustomHeadersInResponseHeadersPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyCustomHeadersInResponseHeadersPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyCustomHeadersInResponseHeadersPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyRemoveHeadersInResponseHeadersPolicy = class _TooManyRemoveHeadersInResponseHeadersPolicy extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyRemoveHeadersInResponseHeadersPolicy";
      name = "TooManyRemoveHeadersInResponseHeadersPolicy";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyRemoveHeadersInResponseHeadersPolicy",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyRemoveHeadersInResponseHeadersPolicy.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyResponseHeadersPolicies = class _TooManyResponseHeadersPolicies extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyResponseHeadersPolicies";
      name = "TooManyResponseHeadersPolicies";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyResponseHeadersPolicies",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyResponseHeadersPolicies.prototype);
        this.Message = opts.Message;
      }
    };
    var StreamingDistributionAlreadyExists = class _StreamingDistributionAlreadyExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#StreamingDistributionAlreadyExists";
      name = "StreamingDistributionAlreadyExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "StreamingDistributionAlreadyExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _StreamingDistributionAlreadyExists.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyStreamingDistributionCNAMEs = class _TooManyStreamingDistributionCNAMEs extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyStreamingDistributionCNAMEs";
      name = "TooManyStreamingDistributionCNAMEs";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyStreamingDistributionCNAMEs",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyStreamingDistributionCNAMEs.prototype);
        this.Message = opts.Message;
      }
    };
    var TooManyStreamingDistributions = class _TooManyStreamingDistributions extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TooManyStreamingDistributions";
      name = "TooManyStreamingDistributions";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "TooManyStreamingDistributions",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _TooManyStreamingDistributions.prototype);
        this.Message = opts.Message;
      }
    };
    var IllegalDelete = class _IllegalDelete extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#IllegalDelete";
      name = "IllegalDelete";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "IllegalDelete",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _IllegalDelete.prototype);
        this.Message = opts.Message;
      }
    };
    var CloudFrontOriginAccessIdentityInUse = class _CloudFrontOriginAccessIdentityInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#CloudFrontOriginAccessIdentityInUse";
      name = "CloudFrontOriginAccessIdentityInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "CloudFrontOriginAccessIdentityInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _CloudFrontOriginAccessIdentityInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchCloudFrontOriginAccessIdentity = class _NoSuchCloudFrontOriginAccessIdentity extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchCloudFrontOriginAccessIdentity";
      name = "NoSuchCloudFrontOriginAccessIdentity";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchCloudFrontOriginAccessIdentity",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchCloudFrontOriginAccessIdentity.prototype);
        this.Message = opts.Message;
      }
    };
    var ResourceNotDisabled = class _ResourceNotDisabled extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#ResourceNotDisabled";
      name = "ResourceNotDisabled";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "ResourceNotDisabled",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _ResourceNotDisabled.prototype);
        this.Message = opts.Message;
      }
    };
    var DistributionNotDisabled = class _DistributionNotDisabled extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#DistributionNotDisabled";
      name = "DistributionNotDisabled";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "DistributionNotDisabled",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _DistributionNotDisabled.prototype);
        this.Message = opts.Message;
      }
    };
    var ResourceInUse = class _ResourceInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#ResourceInUse";
      name = "ResourceInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "ResourceInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _ResourceInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var FieldLevelEncryptionConfigInUse = class _FieldLevelEncryptionConfigInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#FieldLevelEncryptionConfigInUse";
      name = "FieldLevelEncryptionConfigInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "FieldLevelEncryptionConfigInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _FieldLevelEncryptionConfigInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var FieldLevelEncryptionProfileInUse = class _FieldLevelEncryptionProfileInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#FieldLevelEncryptionProfileInUse";
      name = "FieldLevelEncryptionProfileInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "FieldLevelEncryptionProfileInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _FieldLevelEncryptionProfileInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var FunctionInUse = class _FunctionInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#FunctionInUse";
      name = "FunctionInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "FunctionInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _FunctionInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchFunctionExists = class _NoSuchFunctionExists extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchFunctionExists";
      name = "NoSuchFunctionExists";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchFunctionExists",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchFunctionExists.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchResource = class _NoSuchResource extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchResource";
      name = "NoSuchResource";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchResource",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchResource.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchMonitoringSubscription = class _NoSuchMonitoringSubscription extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchMonitoringSubscription";
      name = "NoSuchMonitoringSubscription";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchMonitoringSubscription",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchMonitoringSubscription.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchOriginAccessControl = class _NoSuchOriginAccessControl extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchOriginAccessControl";
      name = "NoSuchOriginAccessControl";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchOriginAccessControl",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchOriginAccessControl.prototype);
        this.Message = opts.Message;
      }
    };
    var OriginAccessControlInUse = class _OriginAccessControlInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#OriginAccessControlInUse";
      name = "OriginAccessControlInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "OriginAccessControlInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _OriginAccessControlInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var OriginRequestPolicyInUse = class _OriginRequestPolicyInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#OriginRequestPolicyInUse";
      name = "OriginRequestPolicyInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "OriginRequestPolicyInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _OriginRequestPolicyInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var PublicKeyInUse = class _PublicKeyInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#PublicKeyInUse";
      name = "PublicKeyInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "PublicKeyInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _PublicKeyInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var RealtimeLogConfigInUse = class _RealtimeLogConfigInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#RealtimeLogConfigInUse";
      name = "RealtimeLogConfigInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "RealtimeLogConfigInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _RealtimeLogConfigInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var ResponseHeadersPolicyInUse = class _ResponseHeadersPolicyInUse extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#ResponseHeadersPolicyInUse";
      name = "ResponseHeadersPolicyInUse";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "ResponseHeadersPolicyInUse",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _ResponseHeadersPolicyInUse.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchStreamingDistribution = class _NoSuchStreamingDistribution extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchStreamingDistribution";
      name = "NoSuchStreamingDistribution";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchStreamingDistribution",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchStreamingDistribution.prototype);
        this.Message = opts.Message;
      }
    };
    var StreamingDistributionNotDisabled = class _StreamingDistributionNotDisabled extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#StreamingDistributionNotDisabled";
      name = "StreamingDistributionNotDisabled";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "StreamingDistributionNotDisabled",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _StreamingDistributionNotDisabled.prototype);
        this.Message = opts.Message;
      }
    };
    var NoSuchInvalidation = class _NoSuchInvalidation extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#NoSuchInvalidation";
      name = "NoSuchInvalidation";
      $fault = "client";
      Message;
      constructor(opts) {
        super({
          name: "NoSuchInvalidation",
          $fault: "client",
          ...opts
        });
        Object.setPrototypeOf(this, _NoSuchInvalidation.prototype);
        this.Message = opts.Message;
      }
    };
    var TestFunctionFailed = class _TestFunctionFailed extends CloudFrontServiceException {
      static shapeId = "com.amazonaws.cloudfront#TestFunctionFailed";
      name = "TestFunctionFailed";
      $fault = "server";
      Message;
      constructor(opts) {
        super({
          name: "TestFunctionFailed",
          $fault: "server",
          ...opts
        });
        Object.setPrototypeOf(this, _TestFunctionFailed.prototype);
        this.Message = opts.Message;
      }
    };
    var _A = "Aliases";
    var _AA = "AssociateAlias";
    var _AAN = "AwsAccountNumber";
    var _AANL = "AwsAccountNumberList";
    var _AAR = "AssociateAliasRequest";
    var _ACAC = "AccessControlAllowCredentials";
    var _ACAH = "AccessControlAllowHeaders";
    var _ACAHL = "AccessControlAllowHeadersList";
    var _ACAM = "AccessControlAllowMethods";
    var _ACAML = "AccessControlAllowMethodsList";
    var _ACAO = "AccessControlAllowOrigins";
    var _ACAOL = "AccessControlAllowOriginsList";
    var _ACEH = "AccessControlExposeHeaders";
    var _ACEHL = "AccessControlExposeHeadersList";
    var _ACMAS = "AccessControlMaxAgeSec";
    var _ACMCA = "ACMCertificateArn";
    var _AD = "AccessDenied";
    var _ADTWACL = "AssociateDistributionTenantWebACL";
    var _ADTWACLR = "AssociateDistributionTenantWebACLRequest";
    var _ADTWACLRs = "AssociateDistributionTenantWebACLResult";
    var _ADWACL = "AssociateDistributionWebACL";
    var _ADWACLR = "AssociateDistributionWebACLRequest";
    var _ADWACLRs = "AssociateDistributionWebACLResult";
    var _AF = "AssociationFilter";
    var _AI = "AnycastIps";
    var _AICPR = "AliasICPRecordal";
    var _AICPRl = "AliasICPRecordals";
    var _AIL = "AnycastIpList";
    var _AILC = "AnycastIpListCollection";
    var _AILI = "AnycastIpListId";
    var _AILS = "AnycastIpListSummary";
    var _AILSn = "AnycastIpListSummaries";
    var _AILn = "AnycastIpLists";
    var _AIc = "AccountId";
    var _AIn = "AnycastIp";
    var _AL = "AliasList";
    var _AM = "AllowedMethods";
    var _ARN = "ARN";
    var _ATKG = "ActiveTrustedKeyGroups";
    var _ATS = "ActiveTrustedSigners";
    var _ATSCN = "AdvertiseTrustStoreCaNames";
    var _Ac = "Action";
    var _Al = "Alias";
    var _Ar = "Arn";
    var _B = "Bucket";
    var _BTL = "BatchTooLarge";
    var _C = "Compress";
    var _CA = "ConflictingAlias";
    var _CAIL = "CreateAnycastIpList";
    var _CAILR = "CreateAnycastIpListRequest";
    var _CAILRr = "CreateAnycastIpListResult";
    var _CAL = "ConflictingAliasesList";
    var _CAe = "CertificateArn";
    var _CAo = "ConnectionAttempts";
    var _CAon = "ConflictingAliases";
    var _CB = "CacheBehavior";
    var _CBL = "CacheBehaviorList";
    var _CBa = "CacheBehaviors";
    var _CBo = "CookieBehavior";
    var _CC = "CookiesConfig";
    var _CCA = "ClientCertificateArn";
    var _CCBS = "CaCertificatesBundleSource";
    var _CCBSL = "CaCertificatesBundleS3Location";
    var _CCDP = "CreateContinuousDeploymentPolicy";
    var _CCDPR = "CreateContinuousDeploymentPolicyRequest";
    var _CCDPRr = "CreateContinuousDeploymentPolicyResult";
    var _CCF = "CreateConnectionFunction";
    var _CCFOAI = "CreateCloudFrontOriginAccessIdentity";
    var _CCFOAIR = "CreateCloudFrontOriginAccessIdentityRequest";
    var _CCFOAIRr = "CreateCloudFrontOriginAccessIdentityResult";
    var _CCFR = "CreateConnectionFunctionRequest";
    var _CCFRr = "CreateConnectionFunctionResult";
    var _CCG = "CreateConnectionGroup";
    var _CCGR = "CreateConnectionGroupRequest";
    var _CCGRr = "CreateConnectionGroupResult";
    var _CCIPKF = "CannotChangeImmutablePublicKeyFields";
    var _CCP = "CreateCachePolicy";
    var _CCPR = "CreateCachePolicyRequest";
    var _CCPRr = "CreateCachePolicyResult";
    var _CCo = "CorsConfig";
    var _CD = "CopyDistribution";
    var _CDEWIU = "CannotDeleteEntityWhileInUse";
    var _CDP = "ContinuousDeploymentPolicy";
    var _CDPAE = "ContinuousDeploymentPolicyAlreadyExists";
    var _CDPC = "ContinuousDeploymentPolicyConfig";
    var _CDPI = "ContinuousDeploymentPolicyId";
    var _CDPIU = "ContinuousDeploymentPolicyInUse";
    var _CDPL = "ContinuousDeploymentPolicyList";
    var _CDPS = "ContinuousDeploymentPolicySummary";
    var _CDPSL = "ContinuousDeploymentPolicySummaryList";
    var _CDR = "CopyDistributionRequest";
    var _CDRo = "CopyDistributionResult";
    var _CDRr = "CreateDistributionRequest";
    var _CDRre = "CreateDistributionResult";
    var _CDSHC = "ContinuousDeploymentSingleHeaderConfig";
    var _CDSWC = "ContinuousDeploymentSingleWeightConfig";
    var _CDT = "CreateDistributionTenant";
    var _CDTR = "CreateDistributionTenantRequest";
    var _CDTRr = "CreateDistributionTenantResult";
    var _CDWT = "CreateDistributionWithTags";
    var _CDWTR = "CreateDistributionWithTagsRequest";
    var _CDWTRr = "CreateDistributionWithTagsResult";
    var _CDr = "CreateDistribution";
    var _CER = "CustomErrorResponse";
    var _CERL = "CustomErrorResponseList";
    var _CERu = "CustomErrorResponses";
    var _CF = "ConnectionFunctions";
    var _CFA = "ConnectionFunctionAssociation";
    var _CFAo = "ConnectionFunctionArn";
    var _CFC = "ConnectionFunctionConfig";
    var _CFCo = "ConnectionFunctionCode";
    var _CFDC = "CloudFrontDefaultCertificate";
    var _CFEL = "ConnectionFunctionExecutionLogs";
    var _CFEM = "ConnectionFunctionErrorMessage";
    var _CFI = "ConnectionFunctionIdentifier";
    var _CFLEC = "CreateFieldLevelEncryptionConfig";
    var _CFLECR = "CreateFieldLevelEncryptionConfigRequest";
    var _CFLECRr = "CreateFieldLevelEncryptionConfigResult";
    var _CFLEP = "CreateFieldLevelEncryptionProfile";
    var _CFLEPR = "CreateFieldLevelEncryptionProfileRequest";
    var _CFLEPRr = "CreateFieldLevelEncryptionProfileResult";
    var _CFO = "ConnectionFunctionOutput";
    var _CFOAI = "CloudFrontOriginAccessIdentity";
    var _CFOAIAE = "CloudFrontOriginAccessIdentityAlreadyExists";
    var _CFOAIC = "CloudFrontOriginAccessIdentityConfig";
    var _CFOAIIU = "CloudFrontOriginAccessIdentityInUse";
    var _CFOAIL = "CloudFrontOriginAccessIdentityList";
    var _CFOAIS = "CloudFrontOriginAccessIdentitySummary";
    var _CFOAISL = "CloudFrontOriginAccessIdentitySummaryList";
    var _CFR = "CreateFunctionRequest";
    var _CFRr = "CreateFunctionResult";
    var _CFS = "ConnectionFunctionSummary";
    var _CFSL = "ConnectionFunctionSummaryList";
    var _CFTR = "ConnectionFunctionTestResult";
    var _CFr = "CreateFunction";
    var _CG = "ConnectionGroup";
    var _CGAF = "ConnectionGroupAssociationFilter";
    var _CGI = "ConnectionGroupId";
    var _CGS = "ConnectionGroupSummary";
    var _CGSL = "ConnectionGroupSummaryList";
    var _CGo = "ConnectionGroups";
    var _CH = "CustomHeaders";
    var _CHC = "CustomHeadersConfig";
    var _CI = "CreateInvalidation";
    var _CIFDT = "CreateInvalidationForDistributionTenant";
    var _CIFDTR = "CreateInvalidationForDistributionTenantRequest";
    var _CIFDTRr = "CreateInvalidationForDistributionTenantResult";
    var _CIR = "CreateInvalidationRequest";
    var _CIRr = "CreateInvalidationResult";
    var _CKG = "CreateKeyGroup";
    var _CKGR = "CreateKeyGroupRequest";
    var _CKGRr = "CreateKeyGroupResult";
    var _CKVS = "CreateKeyValueStore";
    var _CKVSR = "CreateKeyValueStoreRequest";
    var _CKVSRr = "CreateKeyValueStoreResult";
    var _CM = "CachedMethods";
    var _CMS = "CreateMonitoringSubscription";
    var _CMSR = "CreateMonitoringSubscriptionRequest";
    var _CMSRr = "CreateMonitoringSubscriptionResult";
    var _CMo = "ConnectionMode";
    var _CN = "CookieNames";
    var _CNAME = "CNAME";
    var _CNAMEAE = "CNAMEAlreadyExists";
    var _CNL = "CookieNameList";
    var _CO = "ConnectionObject";
    var _COAC = "CreateOriginAccessControl";
    var _COACR = "CreateOriginAccessControlRequest";
    var _COACRr = "CreateOriginAccessControlResult";
    var _COC = "CustomOriginConfig";
    var _CORP = "CreateOriginRequestPolicy";
    var _CORPR = "CreateOriginRequestPolicyRequest";
    var _CORPRr = "CreateOriginRequestPolicyResult";
    var _CP = "CachePolicy";
    var _CPAE = "CachePolicyAlreadyExists";
    var _CPC = "CachePolicyConfig";
    var _CPCC = "CachePolicyCookiesConfig";
    var _CPHC = "CachePolicyHeadersConfig";
    var _CPI = "CachePolicyId";
    var _CPIU = "CachePolicyInUse";
    var _CPK = "CreatePublicKey";
    var _CPKR = "CreatePublicKeyRequest";
    var _CPKRr = "CreatePublicKeyResult";
    var _CPL = "CachePolicyList";
    var _CPQSC = "CachePolicyQueryStringsConfig";
    var _CPS = "CachePolicySummary";
    var _CPSL = "CachePolicySummaryList";
    var _CPo = "CookiePreference";
    var _CR = "CallerReference";
    var _CRHP = "CreateResponseHeadersPolicy";
    var _CRHPR = "CreateResponseHeadersPolicyRequest";
    var _CRHPRr = "CreateResponseHeadersPolicyResult";
    var _CRLC = "CreateRealtimeLogConfig";
    var _CRLCR = "CreateRealtimeLogConfigRequest";
    var _CRLCRr = "CreateRealtimeLogConfigResult";
    var _CS = "CertificateStatus";
    var _CSD = "CreateStreamingDistribution";
    var _CSDR = "CreateStreamingDistributionRequest";
    var _CSDRr = "CreateStreamingDistributionResult";
    var _CSDWT = "CreateStreamingDistributionWithTags";
    var _CSDWTR = "CreateStreamingDistributionWithTagsRequest";
    var _CSDWTRr = "CreateStreamingDistributionWithTagsResult";
    var _CSP = "ContentSecurityPolicy";
    var _CSe = "CertificateSource";
    var _CT = "CommentType";
    var _CTC = "CacheTagConfig";
    var _CTLP = "CertificateTransparencyLoggingPreference";
    var _CTO = "ContentTypeOptions";
    var _CTP = "ContentTypeProfile";
    var _CTPC = "ContentTypeProfileConfig";
    var _CTPL = "ContentTypeProfileList";
    var _CTPo = "ContentTypeProfiles";
    var _CTS = "CreateTrustStore";
    var _CTSR = "CreateTrustStoreRequest";
    var _CTSRr = "CreateTrustStoreResult";
    var _CT_ = "Content-Type";
    var _CTo = "ContentType";
    var _CTon = "ConnectionTimeout";
    var _CTr = "CreatedTime";
    var _CTre = "CreateTime";
    var _CU = "ComputeUtilization";
    var _CUEWIU = "CannotUpdateEntityWhileInUse";
    var _CVO = "CreateVpcOrigin";
    var _CVOR = "CreateVpcOriginRequest";
    var _CVORr = "CreateVpcOriginResult";
    var _Ce = "Certificate";
    var _Ci = "Cidr";
    var _Co = "Comment";
    var _Coo = "Cookies";
    var _Cu = "Customizations";
    var _D = "Distribution";
    var _DAE = "DistributionAlreadyExists";
    var _DAIL = "DeleteAnycastIpList";
    var _DAILR = "DeleteAnycastIpListRequest";
    var _DC = "DistributionConfig";
    var _DCB = "DefaultCacheBehavior";
    var _DCDP = "DeleteContinuousDeploymentPolicy";
    var _DCDPR = "DeleteContinuousDeploymentPolicyRequest";
    var _DCF = "DeleteConnectionFunction";
    var _DCFOAI = "DeleteCloudFrontOriginAccessIdentity";
    var _DCFOAIR = "DeleteCloudFrontOriginAccessIdentityRequest";
    var _DCFR = "DeleteConnectionFunctionRequest";
    var _DCFRe = "DescribeConnectionFunctionRequest";
    var _DCFRes = "DescribeConnectionFunctionResult";
    var _DCFe = "DescribeConnectionFunction";
    var _DCG = "DeleteConnectionGroup";
    var _DCGR = "DeleteConnectionGroupRequest";
    var _DCL = "DnsConfigurationList";
    var _DCLo = "DomainConflictsList";
    var _DCP = "DeleteCachePolicy";
    var _DCPR = "DeleteCachePolicyRequest";
    var _DCVR = "DomainControlValidationResource";
    var _DCWT = "DistributionConfigWithTags";
    var _DCn = "DnsConfiguration";
    var _DCo = "DomainConflict";
    var _DCom = "DomainConflicts";
    var _DD = "DeleteDistribution";
    var _DDR = "DeleteDistributionRequest";
    var _DDT = "DeleteDistributionTenant";
    var _DDTR = "DeleteDistributionTenantRequest";
    var _DDTWACL = "DisassociateDistributionTenantWebACL";
    var _DDTWACLR = "DisassociateDistributionTenantWebACLRequest";
    var _DDTWACLRi = "DisassociateDistributionTenantWebACLResult";
    var _DDWACL = "DisassociateDistributionWebACL";
    var _DDWACLR = "DisassociateDistributionWebACLRequest";
    var _DDWACLRi = "DisassociateDistributionWebACLResult";
    var _DF = "DeleteFunction";
    var _DFLEC = "DeleteFieldLevelEncryptionConfig";
    var _DFLECR = "DeleteFieldLevelEncryptionConfigRequest";
    var _DFLEP = "DeleteFieldLevelEncryptionProfile";
    var _DFLEPR = "DeleteFieldLevelEncryptionProfileRequest";
    var _DFR = "DeleteFunctionRequest";
    var _DFRe = "DescribeFunctionRequest";
    var _DFRes = "DescribeFunctionResult";
    var _DFe = "DescribeFunction";
    var _DI = "DistributionId";
    var _DIL = "DistributionIdList";
    var _DILS = "DistributionIdListSummary";
    var _DIO = "DistributionIdOwner";
    var _DIOIL = "DistributionIdOwnerItemList";
    var _DIOL = "DistributionIdOwnerList";
    var _DIo = "DomainItem";
    var _DKG = "DeleteKeyGroup";
    var _DKGR = "DeleteKeyGroupRequest";
    var _DKVS = "DeleteKeyValueStore";
    var _DKVSR = "DeleteKeyValueStoreRequest";
    var _DKVSRe = "DescribeKeyValueStoreRequest";
    var _DKVSRes = "DescribeKeyValueStoreResult";
    var _DKVSe = "DescribeKeyValueStore";
    var _DL = "DistributionList";
    var _DLo = "DomainList";
    var _DMS = "DeleteMonitoringSubscription";
    var _DMSR = "DeleteMonitoringSubscriptionRequest";
    var _DMSRe = "DeleteMonitoringSubscriptionResult";
    var _DN = "DomainName";
    var _DND = "DistributionNotDisabled";
    var _DNn = "DnsName";
    var _DOAC = "DeleteOriginAccessControl";
    var _DOACR = "DeleteOriginAccessControlRequest";
    var _DORP = "DeleteOriginRequestPolicy";
    var _DORPR = "DeleteOriginRequestPolicyRequest";
    var _DPK = "DeletePublicKey";
    var _DPKR = "DeletePublicKeyRequest";
    var _DR = "DomainResult";
    var _DRHP = "DeleteResponseHeadersPolicy";
    var _DRHPR = "DeleteResponseHeadersPolicyRequest";
    var _DRI = "DistributionResourceId";
    var _DRL = "DomainResultList";
    var _DRLC = "DeleteRealtimeLogConfig";
    var _DRLCR = "DeleteRealtimeLogConfigRequest";
    var _DRO = "DefaultRootObject";
    var _DRP = "DeleteResourcePolicy";
    var _DRPR = "DeleteResourcePolicyRequest";
    var _DS = "DistributionSummary";
    var _DSD = "DeleteStreamingDistribution";
    var _DSDR = "DeleteStreamingDistributionRequest";
    var _DSL = "DistributionSummaryList";
    var _DT = "DistributionTenant";
    var _DTAF = "DistributionTenantAssociationFilter";
    var _DTI = "DistributionTenantId";
    var _DTL = "DistributionTenantList";
    var _DTS = "DistributionTenantSummary";
    var _DTSR = "DeleteTrustStoreRequest";
    var _DTSe = "DeleteTrustStore";
    var _DTTL = "DefaultTTL";
    var _DV = "DefaultValue";
    var _DVO = "DeleteVpcOrigin";
    var _DVOR = "DeleteVpcOriginRequest";
    var _DVORe = "DeleteVpcOriginResult";
    var _De = "Description";
    var _Def = "Definition";
    var _Do = "Domains";
    var _Dom = "Domain";
    var _E = "Enabled";
    var _EAE = "EntityAlreadyExists";
    var _EAEB = "EnableAcceptEncodingBrotli";
    var _EAEG = "EnableAcceptEncodingGzip";
    var _EC = "ErrorCode";
    var _ECMTTL = "ErrorCachingMinTTL";
    var _EE = "EncryptionEntities";
    var _EEL = "EncryptionEntityList";
    var _EEn = "EncryptionEntity";
    var _EK = "EncodedKey";
    var _ELE = "EntityLimitExceeded";
    var _ENF = "EntityNotFound";
    var _EO = "EventObject";
    var _EP = "EndPoints";
    var _EPL = "EndPointList";
    var _EPn = "EndPoint";
    var _ESLE = "EntitySizeLimitExceeded";
    var _ET = "ETag";
    var _ETt = "ETtag";
    var _ETv = "EventType";
    var _F = "Format";
    var _FA = "FunctionAssociations";
    var _FAE = "FunctionAlreadyExists";
    var _FAL = "FunctionAssociationList";
    var _FARN = "FunctionARN";
    var _FAu = "FunctionAssociation";
    var _FB = "FunctionBlob";
    var _FC = "FunctionConfig";
    var _FCa = "FailoverCriteria";
    var _FCu = "FunctionCode";
    var _FEL = "FunctionExecutionLogs";
    var _FELL = "FunctionExecutionLogList";
    var _FEM = "FunctionErrorMessage";
    var _FEO = "FunctionEventObject";
    var _FIU = "FunctionInUse";
    var _FL = "FunctionList";
    var _FLE = "FieldLevelEncryption";
    var _FLEC = "FieldLevelEncryptionConfig";
    var _FLECAE = "FieldLevelEncryptionConfigAlreadyExists";
    var _FLECIU = "FieldLevelEncryptionConfigInUse";
    var _FLEI = "FieldLevelEncryptionId";
    var _FLEL = "FieldLevelEncryptionList";
    var _FLEP = "FieldLevelEncryptionProfile";
    var _FLEPAE = "FieldLevelEncryptionProfileAlreadyExists";
    var _FLEPC = "FieldLevelEncryptionProfileConfig";
    var _FLEPIU = "FieldLevelEncryptionProfileInUse";
    var _FLEPL = "FieldLevelEncryptionProfileList";
    var _FLEPS = "FieldLevelEncryptionProfileSummary";
    var _FLEPSE = "FieldLevelEncryptionProfileSizeExceeded";
    var _FLEPSL = "FieldLevelEncryptionProfileSummaryList";
    var _FLES = "FieldLevelEncryptionSummary";
    var _FLESL = "FieldLevelEncryptionSummaryList";
    var _FLi = "FieldList";
    var _FM = "FunctionMetadata";
    var _FO = "FrameOption";
    var _FOr = "FrameOptions";
    var _FOu = "FunctionOutput";
    var _FP = "FieldPatterns";
    var _FPL = "FieldPatternList";
    var _FPi = "FieldPattern";
    var _FS = "FunctionSummary";
    var _FSL = "FunctionSummaryList";
    var _FSLE = "FunctionSizeLimitExceeded";
    var _FV = "ForwardedValues";
    var _FWCTIU = "ForwardWhenContentTypeIsUnknown";
    var _FWQAPIU = "ForwardWhenQueryArgProfileIsUnknown";
    var _Fi = "Fields";
    var _Fie = "Field";
    var _Fo = "Forward";
    var _GAIL = "GetAnycastIpList";
    var _GAILR = "GetAnycastIpListRequest";
    var _GAILRe = "GetAnycastIpListResult";
    var _GC = "GrpcConfig";
    var _GCDP = "GetContinuousDeploymentPolicy";
    var _GCDPC = "GetContinuousDeploymentPolicyConfig";
    var _GCDPCR = "GetContinuousDeploymentPolicyConfigRequest";
    var _GCDPCRe = "GetContinuousDeploymentPolicyConfigResult";
    var _GCDPR = "GetContinuousDeploymentPolicyRequest";
    var _GCDPRe = "GetContinuousDeploymentPolicyResult";
    var _GCF = "GetConnectionFunction";
    var _GCFOAI = "GetCloudFrontOriginAccessIdentity";
    var _GCFOAIC = "GetCloudFrontOriginAccessIdentityConfig";
    var _GCFOAICR = "GetCloudFrontOriginAccessIdentityConfigRequest";
    var _GCFOAICRe = "GetCloudFrontOriginAccessIdentityConfigResult";
    var _GCFOAIR = "GetCloudFrontOriginAccessIdentityRequest";
    var _GCFOAIRe = "GetCloudFrontOriginAccessIdentityResult";
    var _GCFR = "GetConnectionFunctionRequest";
    var _GCFRe = "GetConnectionFunctionResult";
    var _GCG = "GetConnectionGroup";
    var _GCGBRE = "GetConnectionGroupByRoutingEndpoint";
    var _GCGBRER = "GetConnectionGroupByRoutingEndpointRequest";
    var _GCGBRERe = "GetConnectionGroupByRoutingEndpointResult";
    var _GCGR = "GetConnectionGroupRequest";
    var _GCGRe = "GetConnectionGroupResult";
    var _GCP = "GetCachePolicy";
    var _GCPC = "GetCachePolicyConfig";
    var _GCPCR = "GetCachePolicyConfigRequest";
    var _GCPCRe = "GetCachePolicyConfigResult";
    var _GCPR = "GetCachePolicyRequest";
    var _GCPRe = "GetCachePolicyResult";
    var _GD = "GetDistribution";
    var _GDC = "GetDistributionConfig";
    var _GDCR = "GetDistributionConfigRequest";
    var _GDCRe = "GetDistributionConfigResult";
    var _GDR = "GetDistributionRequest";
    var _GDRe = "GetDistributionResult";
    var _GDT = "GetDistributionTenant";
    var _GDTBD = "GetDistributionTenantByDomain";
    var _GDTBDR = "GetDistributionTenantByDomainRequest";
    var _GDTBDRe = "GetDistributionTenantByDomainResult";
    var _GDTR = "GetDistributionTenantRequest";
    var _GDTRe = "GetDistributionTenantResult";
    var _GF = "GetFunction";
    var _GFLE = "GetFieldLevelEncryption";
    var _GFLEC = "GetFieldLevelEncryptionConfig";
    var _GFLECR = "GetFieldLevelEncryptionConfigRequest";
    var _GFLECRe = "GetFieldLevelEncryptionConfigResult";
    var _GFLEP = "GetFieldLevelEncryptionProfile";
    var _GFLEPC = "GetFieldLevelEncryptionProfileConfig";
    var _GFLEPCR = "GetFieldLevelEncryptionProfileConfigRequest";
    var _GFLEPCRe = "GetFieldLevelEncryptionProfileConfigResult";
    var _GFLEPR = "GetFieldLevelEncryptionProfileRequest";
    var _GFLEPRe = "GetFieldLevelEncryptionProfileResult";
    var _GFLER = "GetFieldLevelEncryptionRequest";
    var _GFLERe = "GetFieldLevelEncryptionResult";
    var _GFR = "GetFunctionRequest";
    var _GFRe = "GetFunctionResult";
    var _GI = "GetInvalidation";
    var _GIFDT = "GetInvalidationForDistributionTenant";
    var _GIFDTR = "GetInvalidationForDistributionTenantRequest";
    var _GIFDTRe = "GetInvalidationForDistributionTenantResult";
    var _GIR = "GetInvalidationRequest";
    var _GIRe = "GetInvalidationResult";
    var _GKG = "GetKeyGroup";
    var _GKGC = "GetKeyGroupConfig";
    var _GKGCR = "GetKeyGroupConfigRequest";
    var _GKGCRe = "GetKeyGroupConfigResult";
    var _GKGR = "GetKeyGroupRequest";
    var _GKGRe = "GetKeyGroupResult";
    var _GMCD = "GetManagedCertificateDetails";
    var _GMCDR = "GetManagedCertificateDetailsRequest";
    var _GMCDRe = "GetManagedCertificateDetailsResult";
    var _GMS = "GetMonitoringSubscription";
    var _GMSR = "GetMonitoringSubscriptionRequest";
    var _GMSRe = "GetMonitoringSubscriptionResult";
    var _GOAC = "GetOriginAccessControl";
    var _GOACC = "GetOriginAccessControlConfig";
    var _GOACCR = "GetOriginAccessControlConfigRequest";
    var _GOACCRe = "GetOriginAccessControlConfigResult";
    var _GOACR = "GetOriginAccessControlRequest";
    var _GOACRe = "GetOriginAccessControlResult";
    var _GORP = "GetOriginRequestPolicy";
    var _GORPC = "GetOriginRequestPolicyConfig";
    var _GORPCR = "GetOriginRequestPolicyConfigRequest";
    var _GORPCRe = "GetOriginRequestPolicyConfigResult";
    var _GORPR = "GetOriginRequestPolicyRequest";
    var _GORPRe = "GetOriginRequestPolicyResult";
    var _GPK = "GetPublicKey";
    var _GPKC = "GetPublicKeyConfig";
    var _GPKCR = "GetPublicKeyConfigRequest";
    var _GPKCRe = "GetPublicKeyConfigResult";
    var _GPKR = "GetPublicKeyRequest";
    var _GPKRe = "GetPublicKeyResult";
    var _GR = "GeoRestrictions";
    var _GRC = "GeoRestrictionCustomization";
    var _GRHP = "GetResponseHeadersPolicy";
    var _GRHPC = "GetResponseHeadersPolicyConfig";
    var _GRHPCR = "GetResponseHeadersPolicyConfigRequest";
    var _GRHPCRe = "GetResponseHeadersPolicyConfigResult";
    var _GRHPR = "GetResponseHeadersPolicyRequest";
    var _GRHPRe = "GetResponseHeadersPolicyResult";
    var _GRLC = "GetRealtimeLogConfig";
    var _GRLCR = "GetRealtimeLogConfigRequest";
    var _GRLCRe = "GetRealtimeLogConfigResult";
    var _GRP = "GetResourcePolicy";
    var _GRPR = "GetResourcePolicyRequest";
    var _GRPRe = "GetResourcePolicyResult";
    var _GRe = "GeoRestriction";
    var _GSD = "GetStreamingDistribution";
    var _GSDC = "GetStreamingDistributionConfig";
    var _GSDCR = "GetStreamingDistributionConfigRequest";
    var _GSDCRe = "GetStreamingDistributionConfigResult";
    var _GSDR = "GetStreamingDistributionRequest";
    var _GSDRe = "GetStreamingDistributionResult";
    var _GTS = "GetTrustStore";
    var _GTSR = "GetTrustStoreRequest";
    var _GTSRe = "GetTrustStoreResult";
    var _GVO = "GetVpcOrigin";
    var _GVOR = "GetVpcOriginRequest";
    var _GVORe = "GetVpcOriginResult";
    var _H = "Headers";
    var _HB = "HeaderBehavior";
    var _HC = "HeadersConfig";
    var _HL = "HeaderList";
    var _HN = "HeaderName";
    var _HTTPP = "HTTPPort";
    var _HTTPSP = "HTTPSPort";
    var _HV = "HttpVersion";
    var _HVe = "HeaderValue";
    var _He = "Header";
    var _I = "Items";
    var _IA = "InvalidArgument";
    var _IAMCI = "IAMCertificateId";
    var _IAT = "IpAddressType";
    var _IAn = "InvalidAssociation";
    var _IB = "InvalidationBatch";
    var _IBn = "IncludeBody";
    var _IC = "IpCount";
    var _ICC = "IpamCidrConfigs";
    var _ICCL = "IpamCidrConfigList";
    var _ICCp = "IpamCidrConfig";
    var _ICE = "IgnoreCertificateExpiry";
    var _ICPRS = "ICPRecordalStatus";
    var _ICn = "IncludeCookies";
    var _ICp = "IpamConfig";
    var _ID = "IllegalDelete";
    var _IDNFOAC = "InvalidDomainNameForOriginAccessControl";
    var _IDRO = "InvalidDefaultRootObject";
    var _IDs = "IsDefault";
    var _IE = "Ipv6Enabled";
    var _IEC = "InvalidErrorCode";
    var _IFA = "InvalidFunctionAssociation";
    var _IFC = "InvalidForwardCookies";
    var _IFLECAWCB = "IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior";
    var _IGRP = "InvalidGeoRestrictionParameter";
    var _IHFSO = "InvalidHeadersForS3Origin";
    var _IIMV = "InvalidIfMatchVersion";
    var _IIPVE = "IsIPV6Enabled";
    var _IL = "InvalidationList";
    var _ILC = "InvalidLocationCode";
    var _ILFA = "InvalidLambdaFunctionAssociation";
    var _IM = "IfMatch";
    var _IMPV = "InvalidMinimumProtocolVersion";
    var _IM_ = "If-Match";
    var _IO = "InvalidOrigin";
    var _IOAC = "IllegalOriginAccessConfiguration";
    var _IOACn = "InvalidOriginAccessControl";
    var _IOAI = "InvalidOriginAccessIdentity";
    var _IOKT = "InvalidOriginKeepaliveTimeout";
    var _IORT = "InvalidOriginReadTimeout";
    var _IPA = "IpamPoolArn";
    var _IPIB = "InProgressInvalidationBatches";
    var _IPS = "InvalidProtocolSettings";
    var _IQ = "InconsistentQuantities";
    var _IQSP = "InvalidQueryStringParameters";
    var _IRC = "InvalidResponseCode";
    var _IRP = "InvalidRelativePath";
    var _IRPn = "InvalidRequiredProtocol";
    var _IS = "ImportSource";
    var _ISL = "InvalidationSummaryList";
    var _ISn = "InvalidationSummary";
    var _ISnc = "IncludeSubdomains";
    var _IT = "InvalidTagging";
    var _ITTL = "IdleTTL";
    var _ITTLO = "InvalidTTLOrder";
    var _ITs = "IsTruncated";
    var _IU = "IllegalUpdate";
    var _IVC = "InvalidViewerCertificate";
    var _IWACLI = "InvalidWebACLId";
    var _Id = "Id";
    var _Ide = "Identifier";
    var _In = "Invalidation";
    var _K = "Key";
    var _KG = "KeyGroup";
    var _KGAE = "KeyGroupAlreadyExists";
    var _KGC = "KeyGroupConfig";
    var _KGI = "KeyGroupId";
    var _KGKPI = "KGKeyPairIds";
    var _KGKPIL = "KGKeyPairIdsList";
    var _KGL = "KeyGroupList";
    var _KGS = "KeyGroupSummary";
    var _KGSL = "KeyGroupSummaryList";
    var _KPI = "KeyPairIds";
    var _KPIL = "KeyPairIdList";
    var _KPIe = "KeyPairId";
    var _KSC = "KinesisStreamConfig";
    var _KVS = "KeyValueStore";
    var _KVSA = "KeyValueStoreAssociations";
    var _KVSAL = "KeyValueStoreAssociationList";
    var _KVSARN = "KeyValueStoreARN";
    var _KVSAe = "KeyValueStoreAssociation";
    var _KVSL = "KeyValueStoreList";
    var _KVSSL = "KeyValueStoreSummaryList";
    var _L = "Location";
    var _LAIL = "ListAnycastIpLists";
    var _LAILR = "ListAnycastIpListsRequest";
    var _LAILRi = "ListAnycastIpListsResult";
    var _LC = "LoggingConfig";
    var _LCA = "ListConflictingAliases";
    var _LCAR = "ListConflictingAliasesRequest";
    var _LCARi = "ListConflictingAliasesResult";
    var _LCDP = "ListContinuousDeploymentPolicies";
    var _LCDPR = "ListContinuousDeploymentPoliciesRequest";
    var _LCDPRi = "ListContinuousDeploymentPoliciesResult";
    var _LCF = "ListConnectionFunctions";
    var _LCFOAI = "ListCloudFrontOriginAccessIdentities";
    var _LCFOAIR = "ListCloudFrontOriginAccessIdentitiesRequest";
    var _LCFOAIRi = "ListCloudFrontOriginAccessIdentitiesResult";
    var _LCFR = "ListConnectionFunctionsRequest";
    var _LCFRi = "ListConnectionFunctionsResult";
    var _LCG = "ListConnectionGroups";
    var _LCGR = "ListConnectionGroupsRequest";
    var _LCGRi = "ListConnectionGroupsResult";
    var _LCP = "ListCachePolicies";
    var _LCPR = "ListCachePoliciesRequest";
    var _LCPRi = "ListCachePoliciesResult";
    var _LD = "ListDistributions";
    var _LDBAILI = "ListDistributionsByAnycastIpListId";
    var _LDBAILIR = "ListDistributionsByAnycastIpListIdRequest";
    var _LDBAILIRi = "ListDistributionsByAnycastIpListIdResult";
    var _LDBCF = "ListDistributionsByConnectionFunction";
    var _LDBCFR = "ListDistributionsByConnectionFunctionRequest";
    var _LDBCFRi = "ListDistributionsByConnectionFunctionResult";
    var _LDBCM = "ListDistributionsByConnectionMode";
    var _LDBCMR = "ListDistributionsByConnectionModeRequest";
    var _LDBCMRi = "ListDistributionsByConnectionModeResult";
    var _LDBCPI = "ListDistributionsByCachePolicyId";
    var _LDBCPIR = "ListDistributionsByCachePolicyIdRequest";
    var _LDBCPIRi = "ListDistributionsByCachePolicyIdResult";
    var _LDBKG = "ListDistributionsByKeyGroup";
    var _LDBKGR = "ListDistributionsByKeyGroupRequest";
    var _LDBKGRi = "ListDistributionsByKeyGroupResult";
    var _LDBOR = "ListDistributionsByOwnedResource";
    var _LDBORPI = "ListDistributionsByOriginRequestPolicyId";
    var _LDBORPIR = "ListDistributionsByOriginRequestPolicyIdRequest";
    var _LDBORPIRi = "ListDistributionsByOriginRequestPolicyIdResult";
    var _LDBORR = "ListDistributionsByOwnedResourceRequest";
    var _LDBORRi = "ListDistributionsByOwnedResourceResult";
    var _LDBRHPI = "ListDistributionsByResponseHeadersPolicyId";
    var _LDBRHPIR = "ListDistributionsByResponseHeadersPolicyIdRequest";
    var _LDBRHPIRi = "ListDistributionsByResponseHeadersPolicyIdResult";
    var _LDBRLC = "ListDistributionsByRealtimeLogConfig";
    var _LDBRLCR = "ListDistributionsByRealtimeLogConfigRequest";
    var _LDBRLCRi = "ListDistributionsByRealtimeLogConfigResult";
    var _LDBTS = "ListDistributionsByTrustStore";
    var _LDBTSR = "ListDistributionsByTrustStoreRequest";
    var _LDBTSRi = "ListDistributionsByTrustStoreResult";
    var _LDBVOI = "ListDistributionsByVpcOriginId";
    var _LDBVOIR = "ListDistributionsByVpcOriginIdRequest";
    var _LDBVOIRi = "ListDistributionsByVpcOriginIdResult";
    var _LDBWACLI = "ListDistributionsByWebACLId";
    var _LDBWACLIR = "ListDistributionsByWebACLIdRequest";
    var _LDBWACLIRi = "ListDistributionsByWebACLIdResult";
    var _LDC = "ListDomainConflicts";
    var _LDCR = "ListDomainConflictsRequest";
    var _LDCRi = "ListDomainConflictsResult";
    var _LDR = "ListDistributionsRequest";
    var _LDRi = "ListDistributionsResult";
    var _LDT = "ListDistributionTenants";
    var _LDTBC = "ListDistributionTenantsByCustomization";
    var _LDTBCR = "ListDistributionTenantsByCustomizationRequest";
    var _LDTBCRi = "ListDistributionTenantsByCustomizationResult";
    var _LDTR = "ListDistributionTenantsRequest";
    var _LDTRi = "ListDistributionTenantsResult";
    var _LF = "ListFunctions";
    var _LFA = "LambdaFunctionAssociations";
    var _LFAL = "LambdaFunctionAssociationList";
    var _LFARN = "LambdaFunctionARN";
    var _LFAa = "LambdaFunctionAssociation";
    var _LFLEC = "ListFieldLevelEncryptionConfigs";
    var _LFLECR = "ListFieldLevelEncryptionConfigsRequest";
    var _LFLECRi = "ListFieldLevelEncryptionConfigsResult";
    var _LFLEP = "ListFieldLevelEncryptionProfiles";
    var _LFLEPR = "ListFieldLevelEncryptionProfilesRequest";
    var _LFLEPRi = "ListFieldLevelEncryptionProfilesResult";
    var _LFR = "ListFunctionsRequest";
    var _LFRi = "ListFunctionsResult";
    var _LI = "ListInvalidations";
    var _LIFDT = "ListInvalidationsForDistributionTenant";
    var _LIFDTR = "ListInvalidationsForDistributionTenantRequest";
    var _LIFDTRi = "ListInvalidationsForDistributionTenantResult";
    var _LIR = "ListInvalidationsRequest";
    var _LIRi = "ListInvalidationsResult";
    var _LKG = "ListKeyGroups";
    var _LKGR = "ListKeyGroupsRequest";
    var _LKGRi = "ListKeyGroupsResult";
    var _LKVS = "ListKeyValueStores";
    var _LKVSR = "ListKeyValueStoresRequest";
    var _LKVSRi = "ListKeyValueStoresResult";
    var _LL = "LocationList";
    var _LMT = "LastModifiedTime";
    var _LOAC = "ListOriginAccessControls";
    var _LOACR = "ListOriginAccessControlsRequest";
    var _LOACRi = "ListOriginAccessControlsResult";
    var _LORP = "ListOriginRequestPolicies";
    var _LORPR = "ListOriginRequestPoliciesRequest";
    var _LORPRi = "ListOriginRequestPoliciesResult";
    var _LPK = "ListPublicKeys";
    var _LPKR = "ListPublicKeysRequest";
    var _LPKRi = "ListPublicKeysResult";
    var _LRHP = "ListResponseHeadersPolicies";
    var _LRHPR = "ListResponseHeadersPoliciesRequest";
    var _LRHPRi = "ListResponseHeadersPoliciesResult";
    var _LRLC = "ListRealtimeLogConfigs";
    var _LRLCR = "ListRealtimeLogConfigsRequest";
    var _LRLCRi = "ListRealtimeLogConfigsResult";
    var _LSD = "ListStreamingDistributions";
    var _LSDR = "ListStreamingDistributionsRequest";
    var _LSDRi = "ListStreamingDistributionsResult";
    var _LTFR = "ListTagsForResource";
    var _LTFRR = "ListTagsForResourceRequest";
    var _LTFRRi = "ListTagsForResourceResult";
    var _LTS = "ListTrustStores";
    var _LTSR = "ListTrustStoresRequest";
    var _LTSRi = "ListTrustStoresResult";
    var _LVO = "ListVpcOrigins";
    var _LVOR = "ListVpcOriginsRequest";
    var _LVORi = "ListVpcOriginsResult";
    var _Lo = "Logging";
    var _Loc = "Locations";
    var _M = "Message";
    var _MB = "MissingBody";
    var _MBo = "ModeBlock";
    var _MCD = "ManagedCertificateDetails";
    var _MCR = "ManagedCertificateRequest";
    var _MI = "MaxItems";
    var _ML = "MethodsList";
    var _MPV = "MinimumProtocolVersion";
    var _MS = "MonitoringSubscription";
    var _MSAE = "MonitoringSubscriptionAlreadyExists";
    var _MTTL = "MinTTL";
    var _MTTLa = "MaxTTL";
    var _MTTLax = "MaximumTTL";
    var _Ma = "Marker";
    var _Me = "Members";
    var _Met = "Method";
    var _Mo = "Mode";
    var _N = "Name";
    var _NM = "NextMarker";
    var _NOCC = "NumberOfCaCertificates";
    var _NSCDP = "NoSuchContinuousDeploymentPolicy";
    var _NSCFOAI = "NoSuchCloudFrontOriginAccessIdentity";
    var _NSCP = "NoSuchCachePolicy";
    var _NSD = "NoSuchDistribution";
    var _NSFE = "NoSuchFunctionExists";
    var _NSFLEC = "NoSuchFieldLevelEncryptionConfig";
    var _NSFLEP = "NoSuchFieldLevelEncryptionProfile";
    var _NSI = "NoSuchInvalidation";
    var _NSMS = "NoSuchMonitoringSubscription";
    var _NSO = "NoSuchOrigin";
    var _NSOAC = "NoSuchOriginAccessControl";
    var _NSORP = "NoSuchOriginRequestPolicy";
    var _NSPK = "NoSuchPublicKey";
    var _NSR = "NoSuchResource";
    var _NSRHP = "NoSuchResponseHeadersPolicy";
    var _NSRLC = "NoSuchRealtimeLogConfig";
    var _NSSD = "NoSuchStreamingDistribution";
    var _O = "Origins";
    var _OAC = "OriginAccessControl";
    var _OACAE = "OriginAccessControlAlreadyExists";
    var _OACC = "OriginAccessControlConfig";
    var _OACI = "OriginAccessControlId";
    var _OACIU = "OriginAccessControlInUse";
    var _OACL = "OriginAccessControlList";
    var _OACOT = "OriginAccessControlOriginType";
    var _OACS = "OriginAccessControlSummary";
    var _OACSL = "OriginAccessControlSummaryList";
    var _OAI = "OwnerAccountId";
    var _OAIr = "OriginAccessIdentity";
    var _OCH = "OriginCustomHeader";
    var _OCHL = "OriginCustomHeadersList";
    var _OEA = "OriginEndpointArn";
    var _OG = "OriginGroups";
    var _OGFC = "OriginGroupFailoverCriteria";
    var _OGL = "OriginGroupList";
    var _OGM = "OriginGroupMember";
    var _OGML = "OriginGroupMemberList";
    var _OGMr = "OriginGroupMembers";
    var _OGr = "OriginGroup";
    var _OI = "OriginId";
    var _OKT = "OriginKeepaliveTimeout";
    var _OL = "OriginList";
    var _OMC = "OriginMtlsConfig";
    var _OO = "OriginOverride";
    var _OP = "OriginPath";
    var _OPP = "OriginProtocolPolicy";
    var _ORP = "OriginRequestPolicy";
    var _ORPAE = "OriginRequestPolicyAlreadyExists";
    var _ORPC = "OriginRequestPolicyConfig";
    var _ORPCC = "OriginRequestPolicyCookiesConfig";
    var _ORPHC = "OriginRequestPolicyHeadersConfig";
    var _ORPI = "OriginRequestPolicyId";
    var _ORPIU = "OriginRequestPolicyInUse";
    var _ORPL = "OriginRequestPolicyList";
    var _ORPQSC = "OriginRequestPolicyQueryStringsConfig";
    var _ORPS = "OriginRequestPolicySummary";
    var _ORPSL = "OriginRequestPolicySummaryList";
    var _ORT = "OriginReadTimeout";
    var _OS = "OriginShield";
    var _OSP = "OriginSslProtocols";
    var _OSR = "OriginShieldRegion";
    var _Or = "Origin";
    var _Ov = "Override";
    var _P = "Parameters";
    var _PC = "PriceClass";
    var _PCF = "PublishConnectionFunction";
    var _PCFR = "PublishConnectionFunctionRequest";
    var _PCFRu = "PublishConnectionFunctionResult";
    var _PD = "PolicyDocument";
    var _PDI = "PrimaryDistributionId";
    var _PDN = "PrimaryDomainName";
    var _PDS = "ParameterDefinitionSchema";
    var _PDa = "ParameterDefinition";
    var _PDar = "ParameterDefinitions";
    var _PF = "PreconditionFailed";
    var _PFR = "PublishFunctionRequest";
    var _PFRu = "PublishFunctionResult";
    var _PFu = "PublishFunction";
    var _PI = "ProfileId";
    var _PICKAFTO = "ParametersInCacheKeyAndForwardedToOrigin";
    var _PIr = "ProviderId";
    var _PK = "PublicKey";
    var _PKAE = "PublicKeyAlreadyExists";
    var _PKC = "PublicKeyConfig";
    var _PKI = "PublicKeyId";
    var _PKIL = "PublicKeyIdList";
    var _PKIU = "PublicKeyInUse";
    var _PKL = "PublicKeyList";
    var _PKS = "PublicKeySummary";
    var _PKSL = "PublicKeySummaryList";
    var _PL = "PathList";
    var _PP = "PathPattern";
    var _PRP = "PutResourcePolicy";
    var _PRPR = "PutResourcePolicyRequest";
    var _PRPRu = "PutResourcePolicyResult";
    var _Pa = "Paths";
    var _Par = "Parameter";
    var _Pat = "Path";
    var _Pr = "Prefix";
    var _Pre = "Preload";
    var _Pro = "Protection";
    var _Q = "Quantity";
    var _QA = "QueryArg";
    var _QAP = "QueryArgProfile";
    var _QAPC = "QueryArgProfileConfig";
    var _QAPE = "QueryArgProfileEmpty";
    var _QAPL = "QueryArgProfileList";
    var _QAPu = "QueryArgProfiles";
    var _QS = "QueryStrings";
    var _QSB = "QueryStringBehavior";
    var _QSC = "QueryStringsConfig";
    var _QSCK = "QueryStringCacheKeys";
    var _QSCKL = "QueryStringCacheKeysList";
    var _QSN = "QueryStringNames";
    var _QSNL = "QueryStringNamesList";
    var _QSu = "QueryString";
    var _R = "Region";
    var _RA = "ResourceArn";
    var _RARN = "RoleARN";
    var _RC = "ResponseCode";
    var _RCT = "ResponseCompletionTimeout";
    var _RE = "RoutingEndpoint";
    var _RF = "RedirectFrom";
    var _RHC = "RemoveHeadersConfig";
    var _RHP = "ResponseHeadersPolicy";
    var _RHPACAH = "ResponseHeadersPolicyAccessControlAllowHeaders";
    var _RHPACAM = "ResponseHeadersPolicyAccessControlAllowMethods";
    var _RHPACAO = "ResponseHeadersPolicyAccessControlAllowOrigins";
    var _RHPACEH = "ResponseHeadersPolicyAccessControlExposeHeaders";
    var _RHPAE = "ResponseHeadersPolicyAlreadyExists";
    var _RHPC = "ResponseHeadersPolicyConfig";
    var _RHPCC = "ResponseHeadersPolicyCorsConfig";
    var _RHPCH = "ResponseHeadersPolicyCustomHeader";
    var _RHPCHC = "ResponseHeadersPolicyCustomHeadersConfig";
    var _RHPCHL = "ResponseHeadersPolicyCustomHeaderList";
    var _RHPCSP = "ResponseHeadersPolicyContentSecurityPolicy";
    var _RHPCTO = "ResponseHeadersPolicyContentTypeOptions";
    var _RHPFO = "ResponseHeadersPolicyFrameOptions";
    var _RHPI = "ResponseHeadersPolicyId";
    var _RHPIU = "ResponseHeadersPolicyInUse";
    var _RHPL = "ResponseHeadersPolicyList";
    var _RHPRH = "ResponseHeadersPolicyRemoveHeader";
    var _RHPRHC = "ResponseHeadersPolicyRemoveHeadersConfig";
    var _RHPRHL = "ResponseHeadersPolicyRemoveHeaderList";
    var _RHPRP = "ResponseHeadersPolicyReferrerPolicy";
    var _RHPS = "ResponseHeadersPolicySummary";
    var _RHPSHC = "ResponseHeadersPolicySecurityHeadersConfig";
    var _RHPSL = "ResponseHeadersPolicySummaryList";
    var _RHPSTHC = "ResponseHeadersPolicyServerTimingHeadersConfig";
    var _RHPSTS = "ResponseHeadersPolicyStrictTransportSecurity";
    var _RHPXSSP = "ResponseHeadersPolicyXSSProtection";
    var _RI = "ResourceId";
    var _RIU = "ResourceInUse";
    var _RLC = "RealtimeLogConfig";
    var _RLCA = "RealtimeLogConfigArn";
    var _RLCAE = "RealtimeLogConfigAlreadyExists";
    var _RLCIU = "RealtimeLogConfigInUse";
    var _RLCL = "RealtimeLogConfigList";
    var _RLCN = "RealtimeLogConfigName";
    var _RLCOM = "RealtimeLogConfigOwnerMismatch";
    var _RLCe = "RealtimeLogConfigs";
    var _RMSC = "RealtimeMetricsSubscriptionConfig";
    var _RMSS = "RealtimeMetricsSubscriptionStatus";
    var _RND = "ResourceNotDisabled";
    var _RP = "ReferrerPolicy";
    var _RPP = "ResponsePagePath";
    var _RT = "ResourceType";
    var _RTe = "RestrictionType";
    var _RTed = "RedirectTo";
    var _RU = "ReportUri";
    var _Re = "Restrictions";
    var _Rea = "Reason";
    var _Req = "Required";
    var _Res = "Resource";
    var _Ru = "Runtime";
    var _S = "Status";
    var _SARN = "SourceARN";
    var _SARNt = "StreamARN";
    var _SB = "SigningBehavior";
    var _SC = "SelectionCriteria";
    var _SCL = "StatusCodeList";
    var _SCUI = "S3CanonicalUserId";
    var _SCt = "StatusCodes";
    var _SCta = "StatusCode";
    var _SD = "StreamingDistribution";
    var _SDAE = "StreamingDistributionAlreadyExists";
    var _SDC = "StreamingDistributionConfig";
    var _SDCWT = "StreamingDistributionConfigWithTags";
    var _SDDN = "StagingDistributionDnsNames";
    var _SDDNL = "StagingDistributionDnsNameList";
    var _SDI = "StagingDistributionId";
    var _SDIU = "StagingDistributionInUse";
    var _SDL = "StreamingDistributionList";
    var _SDND = "StreamingDistributionNotDisabled";
    var _SDS = "StreamingDistributionSummary";
    var _SDSL = "StreamingDistributionSummaryList";
    var _SHC = "SecurityHeadersConfig";
    var _SHCi = "SingleHeaderConfig";
    var _SL = "SignerList";
    var _SLC = "StreamingLoggingConfig";
    var _SO = "S3Origin";
    var _SOC = "S3OriginConfig";
    var _SP = "SigningProtocol";
    var _SPL = "SslProtocolsList";
    var _SPs = "SslProtocol";
    var _SR = "SamplingRate";
    var _SS = "SmoothStreaming";
    var _SSC = "SessionStickinessConfig";
    var _SSCt = "StringSchemaConfig";
    var _SSLSM = "SSLSupportMethod";
    var _SSt = "StringSchema";
    var _ST = "StreamType";
    var _STHC = "ServerTimingHeadersConfig";
    var _STS = "StrictTransportSecurity";
    var _STo = "SourceType";
    var _SWC = "SingleWeightConfig";
    var _Si = "Signer";
    var _St = "Stage";
    var _Sta = "Staging";
    var _T = "Type";
    var _TC = "TrafficConfig";
    var _TCF = "TestConnectionFunction";
    var _TCFR = "TestConnectionFunctionRequest";
    var _TCFRe = "TestConnectionFunctionResult";
    var _TCe = "TenantConfig";
    var _TDI = "TargetDistributionId";
    var _TF = "TestFunction";
    var _TFF = "TestFunctionFailed";
    var _TFR = "TestFunctionRequest";
    var _TFRe = "TestFunctionResult";
    var _TK = "TagKeys";
    var _TKG = "TrustedKeyGroups";
    var _TKGDNE = "TrustedKeyGroupDoesNotExist";
    var _TKGIL = "TrustedKeyGroupIdList";
    var _TKL = "TagKeyList";
    var _TL = "TagList";
    var _TLCSPIRHP = "TooLongCSPInResponseHeadersPolicy";
    var _TMC = "TooManyCertificates";
    var _TMCB = "TooManyCacheBehaviors";
    var _TMCDP = "TooManyContinuousDeploymentPolicies";
    var _TMCFOAI = "TooManyCloudFrontOriginAccessIdentities";
    var _TMCHIRHP = "TooManyCustomHeadersInResponseHeadersPolicy";
    var _TMCICP = "TooManyCookiesInCachePolicy";
    var _TMCIORP = "TooManyCookiesInOriginRequestPolicy";
    var _TMCNIWL = "TooManyCookieNamesInWhiteList";
    var _TMCP = "TooManyCachePolicies";
    var _TMD = "TooManyDistributions";
    var _TMDATCP = "TooManyDistributionsAssociatedToCachePolicy";
    var _TMDATFLEC = "TooManyDistributionsAssociatedToFieldLevelEncryptionConfig";
    var _TMDATKG = "TooManyDistributionsAssociatedToKeyGroup";
    var _TMDATOAC = "TooManyDistributionsAssociatedToOriginAccessControl";
    var _TMDATORP = "TooManyDistributionsAssociatedToOriginRequestPolicy";
    var _TMDATRHP = "TooManyDistributionsAssociatedToResponseHeadersPolicy";
    var _TMDCNAME = "TooManyDistributionCNAMEs";
    var _TMDWFA = "TooManyDistributionsWithFunctionAssociations";
    var _TMDWLA = "TooManyDistributionsWithLambdaAssociations";
    var _TMDWSFARN = "TooManyDistributionsWithSingleFunctionARN";
    var _TMF = "TooManyFunctions";
    var _TMFA = "TooManyFunctionAssociations";
    var _TMFLEC = "TooManyFieldLevelEncryptionConfigs";
    var _TMFLECTP = "TooManyFieldLevelEncryptionContentTypeProfiles";
    var _TMFLEEE = "TooManyFieldLevelEncryptionEncryptionEntities";
    var _TMFLEFP = "TooManyFieldLevelEncryptionFieldPatterns";
    var _TMFLEP = "TooManyFieldLevelEncryptionProfiles";
    var _TMFLEQAP = "TooManyFieldLevelEncryptionQueryArgProfiles";
    var _TMHICP = "TooManyHeadersInCachePolicy";
    var _TMHIFV = "TooManyHeadersInForwardedValues";
    var _TMHIORP = "TooManyHeadersInOriginRequestPolicy";
    var _TMIIP = "TooManyInvalidationsInProgress";
    var _TMKG = "TooManyKeyGroups";
    var _TMKGATD = "TooManyKeyGroupsAssociatedToDistribution";
    var _TMLFA = "TooManyLambdaFunctionAssociations";
    var _TMO = "TooManyOrigins";
    var _TMOAC = "TooManyOriginAccessControls";
    var _TMOCH = "TooManyOriginCustomHeaders";
    var _TMOGPD = "TooManyOriginGroupsPerDistribution";
    var _TMORP = "TooManyOriginRequestPolicies";
    var _TMPK = "TooManyPublicKeys";
    var _TMPKIKG = "TooManyPublicKeysInKeyGroup";
    var _TMQSICP = "TooManyQueryStringsInCachePolicy";
    var _TMQSIORP = "TooManyQueryStringsInOriginRequestPolicy";
    var _TMQSP = "TooManyQueryStringParameters";
    var _TMRHIRHP = "TooManyRemoveHeadersInResponseHeadersPolicy";
    var _TMRHP = "TooManyResponseHeadersPolicies";
    var _TMRLC = "TooManyRealtimeLogConfigs";
    var _TMSD = "TooManyStreamingDistributions";
    var _TMSDCNAME = "TooManyStreamingDistributionCNAMEs";
    var _TMTS = "TooManyTrustedSigners";
    var _TOI = "TargetOriginId";
    var _TR = "TestResult";
    var _TRR = "TagResourceRequest";
    var _TRa = "TargetResource";
    var _TRag = "TagResource";
    var _TS = "TrustedSigners";
    var _TSC = "TrustStoreConfig";
    var _TSDNE = "TrustedSignerDoesNotExist";
    var _TSI = "TrustStoreIdentifier";
    var _TSIr = "TrustStoreId";
    var _TSL = "TrustStoreList";
    var _TSS = "TrustStoreSummary";
    var _TSr = "TrustStore";
    var _Ta = "Tags";
    var _Tag = "Tag";
    var _UAIL = "UpdateAnycastIpList";
    var _UAILR = "UpdateAnycastIpListRequest";
    var _UAILRp = "UpdateAnycastIpListResult";
    var _UCCOCSPE = "UseClientCertificateOCSPEndpoint";
    var _UCDP = "UpdateContinuousDeploymentPolicy";
    var _UCDPR = "UpdateContinuousDeploymentPolicyRequest";
    var _UCDPRp = "UpdateContinuousDeploymentPolicyResult";
    var _UCF = "UpdateConnectionFunction";
    var _UCFOAI = "UpdateCloudFrontOriginAccessIdentity";
    var _UCFOAIR = "UpdateCloudFrontOriginAccessIdentityRequest";
    var _UCFOAIRp = "UpdateCloudFrontOriginAccessIdentityResult";
    var _UCFR = "UpdateConnectionFunctionRequest";
    var _UCFRp = "UpdateConnectionFunctionResult";
    var _UCG = "UpdateConnectionGroup";
    var _UCGR = "UpdateConnectionGroupRequest";
    var _UCGRp = "UpdateConnectionGroupResult";
    var _UCP = "UpdateCachePolicy";
    var _UCPR = "UpdateCachePolicyRequest";
    var _UCPRp = "UpdateCachePolicyResult";
    var _UD = "UpdateDistribution";
    var _UDA = "UpdateDomainAssociation";
    var _UDAR = "UpdateDomainAssociationRequest";
    var _UDARp = "UpdateDomainAssociationResult";
    var _UDR = "UpdateDistributionRequest";
    var _UDRp = "UpdateDistributionResult";
    var _UDT = "UpdateDistributionTenant";
    var _UDTR = "UpdateDistributionTenantRequest";
    var _UDTRp = "UpdateDistributionTenantResult";
    var _UDWSC = "UpdateDistributionWithStagingConfig";
    var _UDWSCR = "UpdateDistributionWithStagingConfigRequest";
    var _UDWSCRp = "UpdateDistributionWithStagingConfigResult";
    var _UF = "UpdateFunction";
    var _UFLEC = "UpdateFieldLevelEncryptionConfig";
    var _UFLECR = "UpdateFieldLevelEncryptionConfigRequest";
    var _UFLECRp = "UpdateFieldLevelEncryptionConfigResult";
    var _UFLEP = "UpdateFieldLevelEncryptionProfile";
    var _UFLEPR = "UpdateFieldLevelEncryptionProfileRequest";
    var _UFLEPRp = "UpdateFieldLevelEncryptionProfileResult";
    var _UFR = "UpdateFunctionRequest";
    var _UFRp = "UpdateFunctionResult";
    var _UKG = "UpdateKeyGroup";
    var _UKGR = "UpdateKeyGroupRequest";
    var _UKGRp = "UpdateKeyGroupResult";
    var _UKVS = "UpdateKeyValueStore";
    var _UKVSR = "UpdateKeyValueStoreRequest";
    var _UKVSRp = "UpdateKeyValueStoreResult";
    var _UO = "UnsupportedOperation";
    var _UOAC = "UpdateOriginAccessControl";
    var _UOACR = "UpdateOriginAccessControlRequest";
    var _UOACRp = "UpdateOriginAccessControlResult";
    var _UORP = "UpdateOriginRequestPolicy";
    var _UORPR = "UpdateOriginRequestPolicyRequest";
    var _UORPRp = "UpdateOriginRequestPolicyResult";
    var _UPK = "UpdatePublicKey";
    var _UPKR = "UpdatePublicKeyRequest";
    var _UPKRp = "UpdatePublicKeyResult";
    var _UR = "UntagResource";
    var _URHP = "UpdateResponseHeadersPolicy";
    var _URHPR = "UpdateResponseHeadersPolicyRequest";
    var _URHPRp = "UpdateResponseHeadersPolicyResult";
    var _URLC = "UpdateRealtimeLogConfig";
    var _URLCR = "UpdateRealtimeLogConfigRequest";
    var _URLCRp = "UpdateRealtimeLogConfigResult";
    var _URR = "UntagResourceRequest";
    var _USD = "UpdateStreamingDistribution";
    var _USDR = "UpdateStreamingDistributionRequest";
    var _USDRp = "UpdateStreamingDistributionResult";
    var _UTS = "UpdateTrustStore";
    var _UTSR = "UpdateTrustStoreRequest";
    var _UTSRp = "UpdateTrustStoreResult";
    var _UVO = "UpdateVpcOrigin";
    var _UVOR = "UpdateVpcOriginRequest";
    var _UVORp = "UpdateVpcOriginResult";
    var _V = "Version";
    var _VC = "ViewerCertificate";
    var _VDC = "VerifyDnsConfiguration";
    var _VDCR = "VerifyDnsConfigurationRequest";
    var _VDCRe = "VerifyDnsConfigurationResult";
    var _VMC = "ViewerMtlsConfig";
    var _VO = "VpcOrigin";
    var _VOC = "VpcOriginConfig";
    var _VOEC = "VpcOriginEndpointConfig";
    var _VOI = "VpcOriginId";
    var _VOL = "VpcOriginList";
    var _VOS = "VpcOriginSummary";
    var _VOSL = "VpcOriginSummaryList";
    var _VPP = "ViewerProtocolPolicy";
    var _VTD = "ValidationTokenDetails";
    var _VTDL = "ValidationTokenDetailList";
    var _VTDa = "ValidationTokenDetail";
    var _VTH = "ValidationTokenHost";
    var _Va = "Value";
    var _W = "Weight";
    var _WA = "WebAcl";
    var _WAC = "WebAclCustomization";
    var _WACLA = "WebACLArn";
    var _WACLI = "WebACLId";
    var _WN = "WhitelistedNames";
    var _XSSP = "XSSProtection";
    var _c = "client";
    var _d = "domain";
    var _e = "error";
    var _h = "http";
    var _hE = "httpError";
    var _hH = "httpHeader";
    var _hP = "httpPayload";
    var _hQ = "httpQuery";
    var _s = "smithy.ts.sdk.synthetic.com.amazonaws.cloudfront";
    var _sST = "sensitiveStringType";
    var _se = "server";
    var _xN = "xmlName";
    var n0 = "com.amazonaws.cloudfront";
    var _s_registry = new TypeRegistry(_s);
    var CloudFrontServiceException$ = [-3, _s, "CloudFrontServiceException", 0, [], []];
    _s_registry.registerError(CloudFrontServiceException$, CloudFrontServiceException);
    var n0_registry = new TypeRegistry(n0);
    var AccessDenied$ = [
      -3,
      n0,
      _AD,
      { [_e]: _c, [_hE]: 403 },
      [_M],
      [0]
    ];
    n0_registry.registerError(AccessDenied$, AccessDenied);
    var BatchTooLarge$ = [
      -3,
      n0,
      _BTL,
      { [_e]: _c, [_hE]: 413 },
      [_M],
      [0]
    ];
    n0_registry.registerError(BatchTooLarge$, BatchTooLarge);
    var CachePolicyAlreadyExists$ = [
      -3,
      n0,
      _CPAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(CachePolicyAlreadyExists$, CachePolicyAlreadyExists);
    var CachePolicyInUse$ = [
      -3,
      n0,
      _CPIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(CachePolicyInUse$, CachePolicyInUse);
    var CannotChangeImmutablePublicKeyFields$ = [
      -3,
      n0,
      _CCIPKF,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(CannotChangeImmutablePublicKeyFields$, CannotChangeImmutablePublicKeyFields);
    var CannotDeleteEntityWhileInUse$ = [
      -3,
      n0,
      _CDEWIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(CannotDeleteEntityWhileInUse$, CannotDeleteEntityWhileInUse);
    var CannotUpdateEntityWhileInUse$ = [
      -3,
      n0,
      _CUEWIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(CannotUpdateEntityWhileInUse$, CannotUpdateEntityWhileInUse);
    var CloudFrontOriginAccessIdentityAlreadyExists$ = [
      -3,
      n0,
      _CFOAIAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(CloudFrontOriginAccessIdentityAlreadyExists$, CloudFrontOriginAccessIdentityAlreadyExists);
    var CloudFrontOriginAccessIdentityInUse$ = [
      -3,
      n0,
      _CFOAIIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(CloudFrontOriginAccessIdentityInUse$, CloudFrontOriginAccessIdentityInUse);
    var CNAMEAlreadyExists$ = [
      -3,
      n0,
      _CNAMEAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(CNAMEAlreadyExists$, CNAMEAlreadyExists);
    var ContinuousDeploymentPolicyAlreadyExists$ = [
      -3,
      n0,
      _CDPAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(ContinuousDeploymentPolicyAlreadyExists$, ContinuousDeploymentPolicyAlreadyExists);
    var ContinuousDeploymentPolicyInUse$ = [
      -3,
      n0,
      _CDPIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(ContinuousDeploymentPolicyInUse$, ContinuousDeploymentPolicyInUse);
    var DistributionAlreadyExists$ = [
      -3,
      n0,
      _DAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(DistributionAlreadyExists$, DistributionAlreadyExists);
    var DistributionNotDisabled$ = [
      -3,
      n0,
      _DND,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(DistributionNotDisabled$, DistributionNotDisabled);
    var EntityAlreadyExists$ = [
      -3,
      n0,
      _EAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(EntityAlreadyExists$, EntityAlreadyExists);
    var EntityLimitExceeded$ = [
      -3,
      n0,
      _ELE,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(EntityLimitExceeded$, EntityLimitExceeded);
    var EntityNotFound$ = [
      -3,
      n0,
      _ENF,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(EntityNotFound$, EntityNotFound);
    var EntitySizeLimitExceeded$ = [
      -3,
      n0,
      _ESLE,
      { [_e]: _c, [_hE]: 413 },
      [_M],
      [0]
    ];
    n0_registry.registerError(EntitySizeLimitExceeded$, EntitySizeLimitExceeded);
    var FieldLevelEncryptionConfigAlreadyExists$ = [
      -3,
      n0,
      _FLECAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(FieldLevelEncryptionConfigAlreadyExists$, FieldLevelEncryptionConfigAlreadyExists);
    var FieldLevelEncryptionConfigInUse$ = [
      -3,
      n0,
      _FLECIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(FieldLevelEncryptionConfigInUse$, FieldLevelEncryptionConfigInUse);
    var FieldLevelEncryptionProfileAlreadyExists$ = [
      -3,
      n0,
      _FLEPAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(FieldLevelEncryptionProfileAlreadyExists$, FieldLevelEncryptionProfileAlreadyExists);
    var FieldLevelEncryptionProfileInUse$ = [
      -3,
      n0,
      _FLEPIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(FieldLevelEncryptionProfileInUse$, FieldLevelEncryptionProfileInUse);
    var FieldLevelEncryptionProfileSizeExceeded$ = [
      -3,
      n0,
      _FLEPSE,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(FieldLevelEncryptionProfileSizeExceeded$, FieldLevelEncryptionProfileSizeExceeded);
    var FunctionAlreadyExists$ = [
      -3,
      n0,
      _FAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(FunctionAlreadyExists$, FunctionAlreadyExists);
    var FunctionInUse$ = [
      -3,
      n0,
      _FIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(FunctionInUse$, FunctionInUse);
    var FunctionSizeLimitExceeded$ = [
      -3,
      n0,
      _FSLE,
      { [_e]: _c, [_hE]: 413 },
      [_M],
      [0]
    ];
    n0_registry.registerError(FunctionSizeLimitExceeded$, FunctionSizeLimitExceeded);
    var IllegalDelete$ = [
      -3,
      n0,
      _ID,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(IllegalDelete$, IllegalDelete);
    var IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior$ = [
      -3,
      n0,
      _IFLECAWCB,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior$, IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior);
    var IllegalOriginAccessConfiguration$ = [
      -3,
      n0,
      _IOAC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(IllegalOriginAccessConfiguration$, IllegalOriginAccessConfiguration);
    var IllegalUpdate$ = [
      -3,
      n0,
      _IU,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(IllegalUpdate$, IllegalUpdate);
    var InconsistentQuantities$ = [
      -3,
      n0,
      _IQ,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InconsistentQuantities$, InconsistentQuantities);
    var InvalidArgument$ = [
      -3,
      n0,
      _IA,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidArgument$, InvalidArgument);
    var InvalidAssociation$ = [
      -3,
      n0,
      _IAn,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidAssociation$, InvalidAssociation);
    var InvalidDefaultRootObject$ = [
      -3,
      n0,
      _IDRO,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidDefaultRootObject$, InvalidDefaultRootObject);
    var InvalidDomainNameForOriginAccessControl$ = [
      -3,
      n0,
      _IDNFOAC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidDomainNameForOriginAccessControl$, InvalidDomainNameForOriginAccessControl);
    var InvalidErrorCode$ = [
      -3,
      n0,
      _IEC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidErrorCode$, InvalidErrorCode);
    var InvalidForwardCookies$ = [
      -3,
      n0,
      _IFC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidForwardCookies$, InvalidForwardCookies);
    var InvalidFunctionAssociation$ = [
      -3,
      n0,
      _IFA,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidFunctionAssociation$, InvalidFunctionAssociation);
    var InvalidGeoRestrictionParameter$ = [
      -3,
      n0,
      _IGRP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidGeoRestrictionParameter$, InvalidGeoRestrictionParameter);
    var InvalidHeadersForS3Origin$ = [
      -3,
      n0,
      _IHFSO,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidHeadersForS3Origin$, InvalidHeadersForS3Origin);
    var InvalidIfMatchVersion$ = [
      -3,
      n0,
      _IIMV,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidIfMatchVersion$, InvalidIfMatchVersion);
    var InvalidLambdaFunctionAssociation$ = [
      -3,
      n0,
      _ILFA,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidLambdaFunctionAssociation$, InvalidLambdaFunctionAssociation);
    var InvalidLocationCode$ = [
      -3,
      n0,
      _ILC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidLocationCode$, InvalidLocationCode);
    var InvalidMinimumProtocolVersion$ = [
      -3,
      n0,
      _IMPV,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidMinimumProtocolVersion$, InvalidMinimumProtocolVersion);
    var InvalidOrigin$ = [
      -3,
      n0,
      _IO,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidOrigin$, InvalidOrigin);
    var InvalidOriginAccessControl$ = [
      -3,
      n0,
      _IOACn,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidOriginAccessControl$, InvalidOriginAccessControl);
    var InvalidOriginAccessIdentity$ = [
      -3,
      n0,
      _IOAI,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidOriginAccessIdentity$, InvalidOriginAccessIdentity);
    var InvalidOriginKeepaliveTimeout$ = [
      -3,
      n0,
      _IOKT,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidOriginKeepaliveTimeout$, InvalidOriginKeepaliveTimeout);
    var InvalidOriginReadTimeout$ = [
      -3,
      n0,
      _IORT,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidOriginReadTimeout$, InvalidOriginReadTimeout);
    var InvalidProtocolSettings$ = [
      -3,
      n0,
      _IPS,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidProtocolSettings$, InvalidProtocolSettings);
    var InvalidQueryStringParameters$ = [
      -3,
      n0,
      _IQSP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidQueryStringParameters$, InvalidQueryStringParameters);
    var InvalidRelativePath$ = [
      -3,
      n0,
      _IRP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidRelativePath$, InvalidRelativePath);
    var InvalidRequiredProtocol$ = [
      -3,
      n0,
      _IRPn,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidRequiredProtocol$, InvalidRequiredProtocol);
    var InvalidResponseCode$ = [
      -3,
      n0,
      _IRC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidResponseCode$, InvalidResponseCode);
    var InvalidTagging$ = [
      -3,
      n0,
      _IT,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidTagging$, InvalidTagging);
    var InvalidTTLOrder$ = [
      -3,
      n0,
      _ITTLO,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidTTLOrder$, InvalidTTLOrder);
    var InvalidViewerCertificate$ = [
      -3,
      n0,
      _IVC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidViewerCertificate$, InvalidViewerCertificate);
    var InvalidWebACLId$ = [
      -3,
      n0,
      _IWACLI,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(InvalidWebACLId$, InvalidWebACLId);
    var KeyGroupAlreadyExists$ = [
      -3,
      n0,
      _KGAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(KeyGroupAlreadyExists$, KeyGroupAlreadyExists);
    var MissingBody$ = [
      -3,
      n0,
      _MB,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(MissingBody$, MissingBody);
    var MonitoringSubscriptionAlreadyExists$ = [
      -3,
      n0,
      _MSAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(MonitoringSubscriptionAlreadyExists$, MonitoringSubscriptionAlreadyExists);
    var NoSuchCachePolicy$ = [
      -3,
      n0,
      _NSCP,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchCachePolicy$, NoSuchCachePolicy);
    var NoSuchCloudFrontOriginAccessIdentity$ = [
      -3,
      n0,
      _NSCFOAI,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchCloudFrontOriginAccessIdentity$, NoSuchCloudFrontOriginAccessIdentity);
    var NoSuchContinuousDeploymentPolicy$ = [
      -3,
      n0,
      _NSCDP,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchContinuousDeploymentPolicy$, NoSuchContinuousDeploymentPolicy);
    var NoSuchDistribution$ = [
      -3,
      n0,
      _NSD,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchDistribution$, NoSuchDistribution);
    var NoSuchFieldLevelEncryptionConfig$ = [
      -3,
      n0,
      _NSFLEC,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchFieldLevelEncryptionConfig$, NoSuchFieldLevelEncryptionConfig);
    var NoSuchFieldLevelEncryptionProfile$ = [
      -3,
      n0,
      _NSFLEP,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchFieldLevelEncryptionProfile$, NoSuchFieldLevelEncryptionProfile);
    var NoSuchFunctionExists$ = [
      -3,
      n0,
      _NSFE,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchFunctionExists$, NoSuchFunctionExists);
    var NoSuchInvalidation$ = [
      -3,
      n0,
      _NSI,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchInvalidation$, NoSuchInvalidation);
    var NoSuchMonitoringSubscription$ = [
      -3,
      n0,
      _NSMS,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchMonitoringSubscription$, NoSuchMonitoringSubscription);
    var NoSuchOrigin$ = [
      -3,
      n0,
      _NSO,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchOrigin$, NoSuchOrigin);
    var NoSuchOriginAccessControl$ = [
      -3,
      n0,
      _NSOAC,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchOriginAccessControl$, NoSuchOriginAccessControl);
    var NoSuchOriginRequestPolicy$ = [
      -3,
      n0,
      _NSORP,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchOriginRequestPolicy$, NoSuchOriginRequestPolicy);
    var NoSuchPublicKey$ = [
      -3,
      n0,
      _NSPK,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchPublicKey$, NoSuchPublicKey);
    var NoSuchRealtimeLogConfig$ = [
      -3,
      n0,
      _NSRLC,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchRealtimeLogConfig$, NoSuchRealtimeLogConfig);
    var NoSuchResource$ = [
      -3,
      n0,
      _NSR,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchResource$, NoSuchResource);
    var NoSuchResponseHeadersPolicy$ = [
      -3,
      n0,
      _NSRHP,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchResponseHeadersPolicy$, NoSuchResponseHeadersPolicy);
    var NoSuchStreamingDistribution$ = [
      -3,
      n0,
      _NSSD,
      { [_e]: _c, [_hE]: 404 },
      [_M],
      [0]
    ];
    n0_registry.registerError(NoSuchStreamingDistribution$, NoSuchStreamingDistribution);
    var OriginAccessControlAlreadyExists$ = [
      -3,
      n0,
      _OACAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(OriginAccessControlAlreadyExists$, OriginAccessControlAlreadyExists);
    var OriginAccessControlInUse$ = [
      -3,
      n0,
      _OACIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(OriginAccessControlInUse$, OriginAccessControlInUse);
    var OriginRequestPolicyAlreadyExists$ = [
      -3,
      n0,
      _ORPAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(OriginRequestPolicyAlreadyExists$, OriginRequestPolicyAlreadyExists);
    var OriginRequestPolicyInUse$ = [
      -3,
      n0,
      _ORPIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(OriginRequestPolicyInUse$, OriginRequestPolicyInUse);
    var PreconditionFailed$ = [
      -3,
      n0,
      _PF,
      { [_e]: _c, [_hE]: 412 },
      [_M],
      [0]
    ];
    n0_registry.registerError(PreconditionFailed$, PreconditionFailed);
    var PublicKeyAlreadyExists$ = [
      -3,
      n0,
      _PKAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(PublicKeyAlreadyExists$, PublicKeyAlreadyExists);
    var PublicKeyInUse$ = [
      -3,
      n0,
      _PKIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(PublicKeyInUse$, PublicKeyInUse);
    var QueryArgProfileEmpty$ = [
      -3,
      n0,
      _QAPE,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(QueryArgProfileEmpty$, QueryArgProfileEmpty);
    var RealtimeLogConfigAlreadyExists$ = [
      -3,
      n0,
      _RLCAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(RealtimeLogConfigAlreadyExists$, RealtimeLogConfigAlreadyExists);
    var RealtimeLogConfigInUse$ = [
      -3,
      n0,
      _RLCIU,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(RealtimeLogConfigInUse$, RealtimeLogConfigInUse);
    var RealtimeLogConfigOwnerMismatch$ = [
      -3,
      n0,
      _RLCOM,
      { [_e]: _c, [_hE]: 401 },
      [_M],
      [0]
    ];
    n0_registry.registerError(RealtimeLogConfigOwnerMismatch$, RealtimeLogConfigOwnerMismatch);
    var ResourceInUse$ = [
      -3,
      n0,
      _RIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(ResourceInUse$, ResourceInUse);
    var ResourceNotDisabled$ = [
      -3,
      n0,
      _RND,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(ResourceNotDisabled$, ResourceNotDisabled);
    var ResponseHeadersPolicyAlreadyExists$ = [
      -3,
      n0,
      _RHPAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(ResponseHeadersPolicyAlreadyExists$, ResponseHeadersPolicyAlreadyExists);
    var ResponseHeadersPolicyInUse$ = [
      -3,
      n0,
      _RHPIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(ResponseHeadersPolicyInUse$, ResponseHeadersPolicyInUse);
    var StagingDistributionInUse$ = [
      -3,
      n0,
      _SDIU,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(StagingDistributionInUse$, StagingDistributionInUse);
    var StreamingDistributionAlreadyExists$ = [
      -3,
      n0,
      _SDAE,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(StreamingDistributionAlreadyExists$, StreamingDistributionAlreadyExists);
    var StreamingDistributionNotDisabled$ = [
      -3,
      n0,
      _SDND,
      { [_e]: _c, [_hE]: 409 },
      [_M],
      [0]
    ];
    n0_registry.registerError(StreamingDistributionNotDisabled$, StreamingDistributionNotDisabled);
    var TestFunctionFailed$ = [
      -3,
      n0,
      _TFF,
      { [_e]: _se, [_hE]: 500 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TestFunctionFailed$, TestFunctionFailed);
    var TooLongCSPInResponseHeadersPolicy$ = [
      -3,
      n0,
      _TLCSPIRHP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooLongCSPInResponseHeadersPolicy$, TooLongCSPInResponseHeadersPolicy);
    var TooManyCacheBehaviors$ = [
      -3,
      n0,
      _TMCB,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyCacheBehaviors$, TooManyCacheBehaviors);
    var TooManyCachePolicies$ = [
      -3,
      n0,
      _TMCP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyCachePolicies$, TooManyCachePolicies);
    var TooManyCertificates$ = [
      -3,
      n0,
      _TMC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyCertificates$, TooManyCertificates);
    var TooManyCloudFrontOriginAccessIdentities$ = [
      -3,
      n0,
      _TMCFOAI,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyCloudFrontOriginAccessIdentities$, TooManyCloudFrontOriginAccessIdentities);
    var TooManyContinuousDeploymentPolicies$ = [
      -3,
      n0,
      _TMCDP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyContinuousDeploymentPolicies$, TooManyContinuousDeploymentPolicies);
    var TooManyCookieNamesInWhiteList$ = [
      -3,
      n0,
      _TMCNIWL,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyCookieNamesInWhiteList$, TooManyCookieNamesInWhiteList);
    var TooManyCookiesInCachePolicy$ = [
      -3,
      n0,
      _TMCICP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyCookiesInCachePolicy$, TooManyCookiesInCachePolicy);
    var TooManyCookiesInOriginRequestPolicy$ = [
      -3,
      n0,
      _TMCIORP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyCookiesInOriginRequestPolicy$, TooManyCookiesInOriginRequestPolicy);
    var TooManyCustomHeadersInResponseHeadersPolicy$ = [
      -3,
      n0,
      _TMCHIRHP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyCustomHeadersInResponseHeadersPolicy$, TooManyCustomHeadersInResponseHeadersPolicy);
    var TooManyDistributionCNAMEs$ = [
      -3,
      n0,
      _TMDCNAME,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionCNAMEs$, TooManyDistributionCNAMEs);
    var TooManyDistributions$ = [
      -3,
      n0,
      _TMD,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributions$, TooManyDistributions);
    var TooManyDistributionsAssociatedToCachePolicy$ = [
      -3,
      n0,
      _TMDATCP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsAssociatedToCachePolicy$, TooManyDistributionsAssociatedToCachePolicy);
    var TooManyDistributionsAssociatedToFieldLevelEncryptionConfig$ = [
      -3,
      n0,
      _TMDATFLEC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsAssociatedToFieldLevelEncryptionConfig$, TooManyDistributionsAssociatedToFieldLevelEncryptionConfig);
    var TooManyDistributionsAssociatedToKeyGroup$ = [
      -3,
      n0,
      _TMDATKG,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsAssociatedToKeyGroup$, TooManyDistributionsAssociatedToKeyGroup);
    var TooManyDistributionsAssociatedToOriginAccessControl$ = [
      -3,
      n0,
      _TMDATOAC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsAssociatedToOriginAccessControl$, TooManyDistributionsAssociatedToOriginAccessControl);
    var TooManyDistributionsAssociatedToOriginRequestPolicy$ = [
      -3,
      n0,
      _TMDATORP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsAssociatedToOriginRequestPolicy$, TooManyDistributionsAssociatedToOriginRequestPolicy);
    var TooManyDistributionsAssociatedToResponseHeadersPolicy$ = [
      -3,
      n0,
      _TMDATRHP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsAssociatedToResponseHeadersPolicy$, TooManyDistributionsAssociatedToResponseHeadersPolicy);
    var TooManyDistributionsWithFunctionAssociations$ = [
      -3,
      n0,
      _TMDWFA,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsWithFunctionAssociations$, TooManyDistributionsWithFunctionAssociations);
    var TooManyDistributionsWithLambdaAssociations$ = [
      -3,
      n0,
      _TMDWLA,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsWithLambdaAssociations$, TooManyDistributionsWithLambdaAssociations);
    var TooManyDistributionsWithSingleFunctionARN$ = [
      -3,
      n0,
      _TMDWSFARN,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyDistributionsWithSingleFunctionARN$, TooManyDistributionsWithSingleFunctionARN);
    var TooManyFieldLevelEncryptionConfigs$ = [
      -3,
      n0,
      _TMFLEC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyFieldLevelEncryptionConfigs$, TooManyFieldLevelEncryptionConfigs);
    var TooManyFieldLevelEncryptionContentTypeProfiles$ = [
      -3,
      n0,
      _TMFLECTP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyFieldLevelEncryptionContentTypeProfiles$, TooManyFieldLevelEncryptionContentTypeProfiles);
    var TooManyFieldLevelEncryptionEncryptionEntities$ = [
      -3,
      n0,
      _TMFLEEE,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyFieldLevelEncryptionEncryptionEntities$, TooManyFieldLevelEncryptionEncryptionEntities);
    var TooManyFieldLevelEncryptionFieldPatterns$ = [
      -3,
      n0,
      _TMFLEFP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyFieldLevelEncryptionFieldPatterns$, TooManyFieldLevelEncryptionFieldPatterns);
    var TooManyFieldLevelEncryptionProfiles$ = [
      -3,
      n0,
      _TMFLEP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyFieldLevelEncryptionProfiles$, TooManyFieldLevelEncryptionProfiles);
    var TooManyFieldLevelEncryptionQueryArgProfiles$ = [
      -3,
      n0,
      _TMFLEQAP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyFieldLevelEncryptionQueryArgProfiles$, TooManyFieldLevelEncryptionQueryArgProfiles);
    var TooManyFunctionAssociations$ = [
      -3,
      n0,
      _TMFA,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyFunctionAssociations$, TooManyFunctionAssociations);
    var TooManyFunctions$ = [
      -3,
      n0,
      _TMF,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyFunctions$, TooManyFunctions);
    var TooManyHeadersInCachePolicy$ = [
      -3,
      n0,
      _TMHICP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyHeadersInCachePolicy$, TooManyHeadersInCachePolicy);
    var TooManyHeadersInForwardedValues$ = [
      -3,
      n0,
      _TMHIFV,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyHeadersInForwardedValues$, TooManyHeadersInForwardedValues);
    var TooManyHeadersInOriginRequestPolicy$ = [
      -3,
      n0,
      _TMHIORP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyHeadersInOriginRequestPolicy$, TooManyHeadersInOriginRequestPolicy);
    var TooManyInvalidationsInProgress$ = [
      -3,
      n0,
      _TMIIP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyInvalidationsInProgress$, TooManyInvalidationsInProgress);
    var TooManyKeyGroups$ = [
      -3,
      n0,
      _TMKG,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyKeyGroups$, TooManyKeyGroups);
    var TooManyKeyGroupsAssociatedToDistribution$ = [
      -3,
      n0,
      _TMKGATD,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyKeyGroupsAssociatedToDistribution$, TooManyKeyGroupsAssociatedToDistribution);
    var TooManyLambdaFunctionAssociations$ = [
      -3,
      n0,
      _TMLFA,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyLambdaFunctionAssociations$, TooManyLambdaFunctionAssociations);
    var TooManyOriginAccessControls$ = [
      -3,
      n0,
      _TMOAC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyOriginAccessControls$, TooManyOriginAccessControls);
    var TooManyOriginCustomHeaders$ = [
      -3,
      n0,
      _TMOCH,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyOriginCustomHeaders$, TooManyOriginCustomHeaders);
    var TooManyOriginGroupsPerDistribution$ = [
      -3,
      n0,
      _TMOGPD,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyOriginGroupsPerDistribution$, TooManyOriginGroupsPerDistribution);
    var TooManyOriginRequestPolicies$ = [
      -3,
      n0,
      _TMORP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyOriginRequestPolicies$, TooManyOriginRequestPolicies);
    var TooManyOrigins$ = [
      -3,
      n0,
      _TMO,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyOrigins$, TooManyOrigins);
    var TooManyPublicKeys$ = [
      -3,
      n0,
      _TMPK,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyPublicKeys$, TooManyPublicKeys);
    var TooManyPublicKeysInKeyGroup$ = [
      -3,
      n0,
      _TMPKIKG,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyPublicKeysInKeyGroup$, TooManyPublicKeysInKeyGroup);
    var TooManyQueryStringParameters$ = [
      -3,
      n0,
      _TMQSP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyQueryStringParameters$, TooManyQueryStringParameters);
    var TooManyQueryStringsInCachePolicy$ = [
      -3,
      n0,
      _TMQSICP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyQueryStringsInCachePolicy$, TooManyQueryStringsInCachePolicy);
    var TooManyQueryStringsInOriginRequestPolicy$ = [
      -3,
      n0,
      _TMQSIORP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyQueryStringsInOriginRequestPolicy$, TooManyQueryStringsInOriginRequestPolicy);
    var TooManyRealtimeLogConfigs$ = [
      -3,
      n0,
      _TMRLC,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyRealtimeLogConfigs$, TooManyRealtimeLogConfigs);
    var TooManyRemoveHeadersInResponseHeadersPolicy$ = [
      -3,
      n0,
      _TMRHIRHP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyRemoveHeadersInResponseHeadersPolicy$, TooManyRemoveHeadersInResponseHeadersPolicy);
    var TooManyResponseHeadersPolicies$ = [
      -3,
      n0,
      _TMRHP,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyResponseHeadersPolicies$, TooManyResponseHeadersPolicies);
    var TooManyStreamingDistributionCNAMEs$ = [
      -3,
      n0,
      _TMSDCNAME,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyStreamingDistributionCNAMEs$, TooManyStreamingDistributionCNAMEs);
    var TooManyStreamingDistributions$ = [
      -3,
      n0,
      _TMSD,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyStreamingDistributions$, TooManyStreamingDistributions);
    var TooManyTrustedSigners$ = [
      -3,
      n0,
      _TMTS,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TooManyTrustedSigners$, TooManyTrustedSigners);
    var TrustedKeyGroupDoesNotExist$ = [
      -3,
      n0,
      _TKGDNE,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TrustedKeyGroupDoesNotExist$, TrustedKeyGroupDoesNotExist);
    var TrustedSignerDoesNotExist$ = [
      -3,
      n0,
      _TSDNE,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(TrustedSignerDoesNotExist$, TrustedSignerDoesNotExist);
    var UnsupportedOperation$ = [
      -3,
      n0,
      _UO,
      { [_e]: _c, [_hE]: 400 },
      [_M],
      [0]
    ];
    n0_registry.registerError(UnsupportedOperation$, UnsupportedOperation);
    var errorTypeRegistries = [
      _s_registry,
      n0_registry
    ];
    var CommentType = [0, n0, _CT, 8, 0];
    var FunctionBlob = [0, n0, _FB, 8, 21];
    var FunctionEventObject = [0, n0, _FEO, 8, 21];
    var sensitiveStringType = [0, n0, _sST, 8, 0];
    var ActiveTrustedKeyGroups$ = [
      3,
      n0,
      _ATKG,
      0,
      [_E, _Q, _I],
      [2, 1, [() => KGKeyPairIdsList, 0]],
      2
    ];
    var ActiveTrustedSigners$ = [
      3,
      n0,
      _ATS,
      0,
      [_E, _Q, _I],
      [2, 1, [() => SignerList, 0]],
      2
    ];
    var Aliases$ = [
      3,
      n0,
      _A,
      0,
      [_Q, _I],
      [1, [() => AliasList, 0]],
      1
    ];
    var AliasICPRecordal$ = [
      3,
      n0,
      _AICPR,
      0,
      [_CNAME, _ICPRS],
      [0, 0]
    ];
    var AllowedMethods$ = [
      3,
      n0,
      _AM,
      0,
      [_Q, _I, _CM],
      [1, [() => MethodsList, 0], [() => CachedMethods$, 0]],
      2
    ];
    var AnycastIpList$ = [
      3,
      n0,
      _AIL,
      0,
      [_Id, _N, _S, _Ar, _AI, _IC, _LMT, _IAT, _ICp],
      [0, 0, 0, 0, [() => AnycastIps, 0], 1, 4, 0, [() => IpamConfig$, 0]],
      7
    ];
    var AnycastIpListCollection$ = [
      3,
      n0,
      _AILC,
      0,
      [_Ma, _MI, _ITs, _Q, _I, _NM],
      [0, 1, 2, 1, [() => AnycastIpListSummaries, 0], 0],
      4
    ];
    var AnycastIpListSummary$ = [
      3,
      n0,
      _AILS,
      0,
      [_Id, _N, _S, _Ar, _IC, _LMT, _IAT, _ET, _ICp],
      [0, 0, 0, 0, 1, 4, 0, 0, [() => IpamConfig$, 0]],
      6
    ];
    var AssociateAliasRequest$ = [
      3,
      n0,
      _AAR,
      0,
      [_TDI, _Al],
      [[0, 1], [0, { [_hQ]: _Al }]],
      2
    ];
    var AssociateDistributionTenantWebACLRequest$ = [
      3,
      n0,
      _ADTWACLR,
      0,
      [_Id, _WACLA, _IM],
      [[0, 1], 0, [0, { [_hH]: _IM_ }]],
      2
    ];
    var AssociateDistributionTenantWebACLResult$ = [
      3,
      n0,
      _ADTWACLRs,
      0,
      [_Id, _WACLA, _ET],
      [0, 0, [0, { [_hH]: _ET }]]
    ];
    var AssociateDistributionWebACLRequest$ = [
      3,
      n0,
      _ADWACLR,
      0,
      [_Id, _WACLA, _IM],
      [[0, 1], 0, [0, { [_hH]: _IM_ }]],
      2
    ];
    var AssociateDistributionWebACLResult$ = [
      3,
      n0,
      _ADWACLRs,
      0,
      [_Id, _WACLA, _ET],
      [0, 0, [0, { [_hH]: _ET }]]
    ];
    var CaCertificatesBundleS3Location$ = [
      3,
      n0,
      _CCBSL,
      0,
      [_B, _K, _R, _V],
      [0, 0, 0, 0],
      3
    ];
    var CacheBehavior$ = [
      3,
      n0,
      _CB,
      0,
      [_PP, _TOI, _VPP, _TS, _TKG, _AM, _SS, _C, _LFA, _FA, _FLEI, _RLCA, _CPI, _ORPI, _RHPI, _GC, _FV, _MTTL, _DTTL, _MTTLa],
      [0, 0, 0, [() => TrustedSigners$, 0], [() => TrustedKeyGroups$, 0], [() => AllowedMethods$, 0], 2, 2, [() => LambdaFunctionAssociations$, 0], [() => FunctionAssociations$, 0], 0, 0, 0, 0, 0, () => GrpcConfig$, [() => ForwardedValues$, 0], 1, 1, 1],
      3
    ];
    var CacheBehaviors$ = [
      3,
      n0,
      _CBa,
      0,
      [_Q, _I],
      [1, [() => CacheBehaviorList, 0]],
      1
    ];
    var CachedMethods$ = [
      3,
      n0,
      _CM,
      0,
      [_Q, _I],
      [1, [() => MethodsList, 0]],
      2
    ];
    var CachePolicy$ = [
      3,
      n0,
      _CP,
      0,
      [_Id, _LMT, _CPC],
      [0, 4, [() => CachePolicyConfig$, 0]],
      3
    ];
    var CachePolicyConfig$ = [
      3,
      n0,
      _CPC,
      0,
      [_N, _MTTL, _Co, _DTTL, _MTTLa, _PICKAFTO],
      [0, 1, 0, 1, 1, [() => ParametersInCacheKeyAndForwardedToOrigin$, 0]],
      2
    ];
    var CachePolicyCookiesConfig$ = [
      3,
      n0,
      _CPCC,
      0,
      [_CBo, _Coo],
      [0, [() => CookieNames$, 0]],
      1
    ];
    var CachePolicyHeadersConfig$ = [
      3,
      n0,
      _CPHC,
      0,
      [_HB, _H],
      [0, [() => Headers$, 0]],
      1
    ];
    var CachePolicyList$ = [
      3,
      n0,
      _CPL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => CachePolicySummaryList, 0]],
      2
    ];
    var CachePolicyQueryStringsConfig$ = [
      3,
      n0,
      _CPQSC,
      0,
      [_QSB, _QS],
      [0, [() => QueryStringNames$, 0]],
      1
    ];
    var CachePolicySummary$ = [
      3,
      n0,
      _CPS,
      0,
      [_T, _CP],
      [0, [() => CachePolicy$, 0]],
      2
    ];
    var CacheTagConfig$ = [
      3,
      n0,
      _CTC,
      0,
      [_HN],
      [0],
      1
    ];
    var Certificate$ = [
      3,
      n0,
      _Ce,
      0,
      [_Ar],
      [0],
      1
    ];
    var CloudFrontOriginAccessIdentity$ = [
      3,
      n0,
      _CFOAI,
      0,
      [_Id, _SCUI, _CFOAIC],
      [0, 0, () => CloudFrontOriginAccessIdentityConfig$],
      2
    ];
    var CloudFrontOriginAccessIdentityConfig$ = [
      3,
      n0,
      _CFOAIC,
      0,
      [_CR, _Co],
      [0, 0],
      2
    ];
    var CloudFrontOriginAccessIdentityList$ = [
      3,
      n0,
      _CFOAIL,
      0,
      [_Ma, _MI, _ITs, _Q, _NM, _I],
      [0, 1, 2, 1, 0, [() => CloudFrontOriginAccessIdentitySummaryList, 0]],
      4
    ];
    var CloudFrontOriginAccessIdentitySummary$ = [
      3,
      n0,
      _CFOAIS,
      0,
      [_Id, _SCUI, _Co],
      [0, 0, 0],
      3
    ];
    var ConflictingAlias$ = [
      3,
      n0,
      _CA,
      0,
      [_Al, _DI, _AIc],
      [0, 0, 0]
    ];
    var ConflictingAliasesList$ = [
      3,
      n0,
      _CAL,
      0,
      [_NM, _MI, _Q, _I],
      [0, 1, 1, [() => ConflictingAliases, 0]]
    ];
    var ConnectionFunctionAssociation$ = [
      3,
      n0,
      _CFA,
      0,
      [_Id],
      [0],
      1
    ];
    var ConnectionFunctionSummary$ = [
      3,
      n0,
      _CFS,
      0,
      [_N, _Id, _CFC, _CFAo, _S, _St, _CTr, _LMT],
      [0, 0, [() => FunctionConfig$, 0], 0, 0, 0, 4, 4],
      8
    ];
    var ConnectionFunctionTestResult$ = [
      3,
      n0,
      _CFTR,
      0,
      [_CFS, _CU, _CFEL, _CFEM, _CFO],
      [[() => ConnectionFunctionSummary$, 0], 0, [() => FunctionExecutionLogList, 0], [() => sensitiveStringType, 0], [() => sensitiveStringType, 0]]
    ];
    var ConnectionGroup$ = [
      3,
      n0,
      _CG,
      0,
      [_Id, _N, _Ar, _CTr, _LMT, _Ta, _IE, _RE, _AILI, _S, _E, _IDs],
      [0, 0, 0, 4, 4, [() => Tags$, 0], 2, 0, 0, 0, 2, 2]
    ];
    var ConnectionGroupAssociationFilter$ = [
      3,
      n0,
      _CGAF,
      0,
      [_AILI],
      [0]
    ];
    var ConnectionGroupSummary$ = [
      3,
      n0,
      _CGS,
      0,
      [_Id, _N, _Ar, _RE, _CTr, _LMT, _ET, _AILI, _E, _S, _IDs],
      [0, 0, 0, 0, 4, 4, 0, 0, 2, 0, 2],
      7
    ];
    var ContentTypeProfile$ = [
      3,
      n0,
      _CTP,
      0,
      [_F, _CTo, _PI],
      [0, 0, 0],
      2
    ];
    var ContentTypeProfileConfig$ = [
      3,
      n0,
      _CTPC,
      0,
      [_FWCTIU, _CTPo],
      [2, [() => ContentTypeProfiles$, 0]],
      1
    ];
    var ContentTypeProfiles$ = [
      3,
      n0,
      _CTPo,
      0,
      [_Q, _I],
      [1, [() => ContentTypeProfileList, 0]],
      1
    ];
    var ContinuousDeploymentPolicy$ = [
      3,
      n0,
      _CDP,
      0,
      [_Id, _LMT, _CDPC],
      [0, 4, [() => ContinuousDeploymentPolicyConfig$, 0]],
      3
    ];
    var ContinuousDeploymentPolicyConfig$ = [
      3,
      n0,
      _CDPC,
      0,
      [_SDDN, _E, _TC],
      [[() => StagingDistributionDnsNames$, 0], 2, () => TrafficConfig$],
      2
    ];
    var ContinuousDeploymentPolicyList$ = [
      3,
      n0,
      _CDPL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => ContinuousDeploymentPolicySummaryList, 0]],
      2
    ];
    var ContinuousDeploymentPolicySummary$ = [
      3,
      n0,
      _CDPS,
      0,
      [_CDP],
      [[() => ContinuousDeploymentPolicy$, 0]],
      1
    ];
    var ContinuousDeploymentSingleHeaderConfig$ = [
      3,
      n0,
      _CDSHC,
      0,
      [_He, _Va],
      [0, 0],
      2
    ];
    var ContinuousDeploymentSingleWeightConfig$ = [
      3,
      n0,
      _CDSWC,
      0,
      [_W, _SSC],
      [1, () => SessionStickinessConfig$],
      1
    ];
    var CookieNames$ = [
      3,
      n0,
      _CN,
      0,
      [_Q, _I],
      [1, [() => CookieNameList, 0]],
      1
    ];
    var CookiePreference$ = [
      3,
      n0,
      _CPo,
      0,
      [_Fo, _WN],
      [0, [() => CookieNames$, 0]],
      1
    ];
    var CopyDistributionRequest$ = [
      3,
      n0,
      _CDR,
      0,
      [_PDI, _CR, _Sta, _IM, _E],
      [[0, 1], 0, [2, { [_hH]: _Sta }], [0, { [_hH]: _IM_ }], 2],
      2
    ];
    var CopyDistributionResult$ = [
      3,
      n0,
      _CDRo,
      0,
      [_D, _L, _ET],
      [[() => Distribution$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateAnycastIpListRequest$ = [
      3,
      n0,
      _CAILR,
      0,
      [_N, _IC, _Ta, _IAT, _ICC],
      [0, 1, [() => Tags$, 0], 0, [() => IpamCidrConfigList, 0]],
      2
    ];
    var CreateAnycastIpListResult$ = [
      3,
      n0,
      _CAILRr,
      0,
      [_AIL, _ET],
      [[() => AnycastIpList$, 16], [0, { [_hH]: _ET }]]
    ];
    var CreateCachePolicyRequest$ = [
      3,
      n0,
      _CCPR,
      0,
      [_CPC],
      [[() => CachePolicyConfig$, { [_hP]: 1, [_xN]: _CPC }]],
      1
    ];
    var CreateCachePolicyResult$ = [
      3,
      n0,
      _CCPRr,
      0,
      [_CP, _L, _ET],
      [[() => CachePolicy$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateCloudFrontOriginAccessIdentityRequest$ = [
      3,
      n0,
      _CCFOAIR,
      0,
      [_CFOAIC],
      [[() => CloudFrontOriginAccessIdentityConfig$, { [_hP]: 1, [_xN]: _CFOAIC }]],
      1
    ];
    var CreateCloudFrontOriginAccessIdentityResult$ = [
      3,
      n0,
      _CCFOAIRr,
      0,
      [_CFOAI, _L, _ET],
      [[() => CloudFrontOriginAccessIdentity$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateConnectionFunctionRequest$ = [
      3,
      n0,
      _CCFR,
      0,
      [_N, _CFC, _CFCo, _Ta],
      [0, [() => FunctionConfig$, 0], [() => FunctionBlob, 0], [() => Tags$, 0]],
      3
    ];
    var CreateConnectionFunctionResult$ = [
      3,
      n0,
      _CCFRr,
      0,
      [_CFS, _L, _ET],
      [[() => ConnectionFunctionSummary$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateConnectionGroupRequest$ = [
      3,
      n0,
      _CCGR,
      0,
      [_N, _IE, _Ta, _AILI, _E],
      [0, 2, [() => Tags$, 0], 0, 2],
      1
    ];
    var CreateConnectionGroupResult$ = [
      3,
      n0,
      _CCGRr,
      0,
      [_CG, _ET],
      [[() => ConnectionGroup$, 16], [0, { [_hH]: _ET }]]
    ];
    var CreateContinuousDeploymentPolicyRequest$ = [
      3,
      n0,
      _CCDPR,
      0,
      [_CDPC],
      [[() => ContinuousDeploymentPolicyConfig$, { [_hP]: 1, [_xN]: _CDPC }]],
      1
    ];
    var CreateContinuousDeploymentPolicyResult$ = [
      3,
      n0,
      _CCDPRr,
      0,
      [_CDP, _L, _ET],
      [[() => ContinuousDeploymentPolicy$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateDistributionRequest$ = [
      3,
      n0,
      _CDRr,
      0,
      [_DC],
      [[() => DistributionConfig$, { [_hP]: 1, [_xN]: _DC }]],
      1
    ];
    var CreateDistributionResult$ = [
      3,
      n0,
      _CDRre,
      0,
      [_D, _L, _ET],
      [[() => Distribution$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateDistributionTenantRequest$ = [
      3,
      n0,
      _CDTR,
      0,
      [_DI, _N, _Do, _Ta, _Cu, _P, _CGI, _MCR, _E],
      [0, 0, () => DomainList, [() => Tags$, 0], [() => Customizations$, 0], () => _Parameters, 0, () => ManagedCertificateRequest$, 2],
      3
    ];
    var CreateDistributionTenantResult$ = [
      3,
      n0,
      _CDTRr,
      0,
      [_DT, _ET],
      [[() => DistributionTenant$, 16], [0, { [_hH]: _ET }]]
    ];
    var CreateDistributionWithTagsRequest$ = [
      3,
      n0,
      _CDWTR,
      0,
      [_DCWT],
      [[() => DistributionConfigWithTags$, { [_hP]: 1, [_xN]: _DCWT }]],
      1
    ];
    var CreateDistributionWithTagsResult$ = [
      3,
      n0,
      _CDWTRr,
      0,
      [_D, _L, _ET],
      [[() => Distribution$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateFieldLevelEncryptionConfigRequest$ = [
      3,
      n0,
      _CFLECR,
      0,
      [_FLEC],
      [[() => FieldLevelEncryptionConfig$, { [_hP]: 1, [_xN]: _FLEC }]],
      1
    ];
    var CreateFieldLevelEncryptionConfigResult$ = [
      3,
      n0,
      _CFLECRr,
      0,
      [_FLE, _L, _ET],
      [[() => FieldLevelEncryption$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateFieldLevelEncryptionProfileRequest$ = [
      3,
      n0,
      _CFLEPR,
      0,
      [_FLEPC],
      [[() => FieldLevelEncryptionProfileConfig$, { [_hP]: 1, [_xN]: _FLEPC }]],
      1
    ];
    var CreateFieldLevelEncryptionProfileResult$ = [
      3,
      n0,
      _CFLEPRr,
      0,
      [_FLEP, _L, _ET],
      [[() => FieldLevelEncryptionProfile$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateFunctionRequest$ = [
      3,
      n0,
      _CFR,
      0,
      [_N, _FC, _FCu, _Ta],
      [0, [() => FunctionConfig$, 0], [() => FunctionBlob, 0], [() => Tags$, 0]],
      3
    ];
    var CreateFunctionResult$ = [
      3,
      n0,
      _CFRr,
      0,
      [_FS, _L, _ET],
      [[() => FunctionSummary$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateInvalidationForDistributionTenantRequest$ = [
      3,
      n0,
      _CIFDTR,
      0,
      [_Id, _IB],
      [[0, 1], [() => InvalidationBatch$, { [_hP]: 1, [_xN]: _IB }]],
      2
    ];
    var CreateInvalidationForDistributionTenantResult$ = [
      3,
      n0,
      _CIFDTRr,
      0,
      [_L, _In],
      [[0, { [_hH]: _L }], [() => Invalidation$, 16]]
    ];
    var CreateInvalidationRequest$ = [
      3,
      n0,
      _CIR,
      0,
      [_DI, _IB],
      [[0, 1], [() => InvalidationBatch$, { [_hP]: 1, [_xN]: _IB }]],
      2
    ];
    var CreateInvalidationResult$ = [
      3,
      n0,
      _CIRr,
      0,
      [_L, _In],
      [[0, { [_hH]: _L }], [() => Invalidation$, 16]]
    ];
    var CreateKeyGroupRequest$ = [
      3,
      n0,
      _CKGR,
      0,
      [_KGC],
      [[() => KeyGroupConfig$, { [_hP]: 1, [_xN]: _KGC }]],
      1
    ];
    var CreateKeyGroupResult$ = [
      3,
      n0,
      _CKGRr,
      0,
      [_KG, _L, _ET],
      [[() => KeyGroup$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateKeyValueStoreRequest$ = [
      3,
      n0,
      _CKVSR,
      0,
      [_N, _Co, _IS, _Ta],
      [0, 0, () => ImportSource$, [() => Tags$, 0]],
      1
    ];
    var CreateKeyValueStoreResult$ = [
      3,
      n0,
      _CKVSRr,
      0,
      [_KVS, _ET, _L],
      [[() => KeyValueStore$, 16], [0, { [_hH]: _ET }], [0, { [_hH]: _L }]]
    ];
    var CreateMonitoringSubscriptionRequest$ = [
      3,
      n0,
      _CMSR,
      0,
      [_DI, _MS],
      [[0, 1], [() => MonitoringSubscription$, { [_hP]: 1, [_xN]: _MS }]],
      2
    ];
    var CreateMonitoringSubscriptionResult$ = [
      3,
      n0,
      _CMSRr,
      0,
      [_MS],
      [[() => MonitoringSubscription$, 16]]
    ];
    var CreateOriginAccessControlRequest$ = [
      3,
      n0,
      _COACR,
      0,
      [_OACC],
      [[() => OriginAccessControlConfig$, { [_hP]: 1, [_xN]: _OACC }]],
      1
    ];
    var CreateOriginAccessControlResult$ = [
      3,
      n0,
      _COACRr,
      0,
      [_OAC, _L, _ET],
      [[() => OriginAccessControl$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateOriginRequestPolicyRequest$ = [
      3,
      n0,
      _CORPR,
      0,
      [_ORPC],
      [[() => OriginRequestPolicyConfig$, { [_hP]: 1, [_xN]: _ORPC }]],
      1
    ];
    var CreateOriginRequestPolicyResult$ = [
      3,
      n0,
      _CORPRr,
      0,
      [_ORP, _L, _ET],
      [[() => OriginRequestPolicy$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreatePublicKeyRequest$ = [
      3,
      n0,
      _CPKR,
      0,
      [_PKC],
      [[() => PublicKeyConfig$, { [_hP]: 1, [_xN]: _PKC }]],
      1
    ];
    var CreatePublicKeyResult$ = [
      3,
      n0,
      _CPKRr,
      0,
      [_PK, _L, _ET],
      [[() => PublicKey$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateRealtimeLogConfigRequest$ = [
      3,
      n0,
      _CRLCR,
      0,
      [_EP, _Fi, _N, _SR],
      [() => EndPointList, [() => FieldList, 0], 0, 1],
      4
    ];
    var CreateRealtimeLogConfigResult$ = [
      3,
      n0,
      _CRLCRr,
      0,
      [_RLC],
      [[() => RealtimeLogConfig$, 0]]
    ];
    var CreateResponseHeadersPolicyRequest$ = [
      3,
      n0,
      _CRHPR,
      0,
      [_RHPC],
      [[() => ResponseHeadersPolicyConfig$, { [_hP]: 1, [_xN]: _RHPC }]],
      1
    ];
    var CreateResponseHeadersPolicyResult$ = [
      3,
      n0,
      _CRHPRr,
      0,
      [_RHP, _L, _ET],
      [[() => ResponseHeadersPolicy$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateStreamingDistributionRequest$ = [
      3,
      n0,
      _CSDR,
      0,
      [_SDC],
      [[() => StreamingDistributionConfig$, { [_hP]: 1, [_xN]: _SDC }]],
      1
    ];
    var CreateStreamingDistributionResult$ = [
      3,
      n0,
      _CSDRr,
      0,
      [_SD, _L, _ET],
      [[() => StreamingDistribution$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateStreamingDistributionWithTagsRequest$ = [
      3,
      n0,
      _CSDWTR,
      0,
      [_SDCWT],
      [[() => StreamingDistributionConfigWithTags$, { [_hP]: 1, [_xN]: _SDCWT }]],
      1
    ];
    var CreateStreamingDistributionWithTagsResult$ = [
      3,
      n0,
      _CSDWTRr,
      0,
      [_SD, _L, _ET],
      [[() => StreamingDistribution$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CreateTrustStoreRequest$ = [
      3,
      n0,
      _CTSR,
      0,
      [_N, _CCBS, _UCCOCSPE, _Ta],
      [0, () => CaCertificatesBundleSource$, 2, [() => Tags$, 0]],
      2
    ];
    var CreateTrustStoreResult$ = [
      3,
      n0,
      _CTSRr,
      0,
      [_TSr, _ET],
      [[() => TrustStore$, 16], [0, { [_hH]: _ET }]]
    ];
    var CreateVpcOriginRequest$ = [
      3,
      n0,
      _CVOR,
      0,
      [_VOEC, _Ta],
      [[() => VpcOriginEndpointConfig$, 0], [() => Tags$, 0]],
      1
    ];
    var CreateVpcOriginResult$ = [
      3,
      n0,
      _CVORr,
      0,
      [_VO, _L, _ET],
      [[() => VpcOrigin$, 16], [0, { [_hH]: _L }], [0, { [_hH]: _ET }]]
    ];
    var CustomErrorResponse$ = [
      3,
      n0,
      _CER,
      0,
      [_EC, _RPP, _RC, _ECMTTL],
      [1, 0, 0, 1],
      1
    ];
    var CustomErrorResponses$ = [
      3,
      n0,
      _CERu,
      0,
      [_Q, _I],
      [1, [() => CustomErrorResponseList, 0]],
      1
    ];
    var CustomHeaders$ = [
      3,
      n0,
      _CH,
      0,
      [_Q, _I],
      [1, [() => OriginCustomHeadersList, 0]],
      1
    ];
    var Customizations$ = [
      3,
      n0,
      _Cu,
      0,
      [_WA, _Ce, _GR],
      [() => WebAclCustomization$, () => Certificate$, [() => GeoRestrictionCustomization$, 0]]
    ];
    var CustomOriginConfig$ = [
      3,
      n0,
      _COC,
      0,
      [_HTTPP, _HTTPSP, _OPP, _OSP, _ORT, _OKT, _IAT, _OMC],
      [1, 1, 0, [() => OriginSslProtocols$, 0], 1, 1, 0, () => OriginMtlsConfig$],
      3
    ];
    var DefaultCacheBehavior$ = [
      3,
      n0,
      _DCB,
      0,
      [_TOI, _VPP, _TS, _TKG, _AM, _SS, _C, _LFA, _FA, _FLEI, _RLCA, _CPI, _ORPI, _RHPI, _GC, _FV, _MTTL, _DTTL, _MTTLa],
      [0, 0, [() => TrustedSigners$, 0], [() => TrustedKeyGroups$, 0], [() => AllowedMethods$, 0], 2, 2, [() => LambdaFunctionAssociations$, 0], [() => FunctionAssociations$, 0], 0, 0, 0, 0, 0, () => GrpcConfig$, [() => ForwardedValues$, 0], 1, 1, 1],
      2
    ];
    var DeleteAnycastIpListRequest$ = [
      3,
      n0,
      _DAILR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var DeleteCachePolicyRequest$ = [
      3,
      n0,
      _DCPR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteCloudFrontOriginAccessIdentityRequest$ = [
      3,
      n0,
      _DCFOAIR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteConnectionFunctionRequest$ = [
      3,
      n0,
      _DCFR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var DeleteConnectionGroupRequest$ = [
      3,
      n0,
      _DCGR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var DeleteContinuousDeploymentPolicyRequest$ = [
      3,
      n0,
      _DCDPR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteDistributionRequest$ = [
      3,
      n0,
      _DDR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteDistributionTenantRequest$ = [
      3,
      n0,
      _DDTR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var DeleteFieldLevelEncryptionConfigRequest$ = [
      3,
      n0,
      _DFLECR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteFieldLevelEncryptionProfileRequest$ = [
      3,
      n0,
      _DFLEPR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteFunctionRequest$ = [
      3,
      n0,
      _DFR,
      0,
      [_N, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var DeleteKeyGroupRequest$ = [
      3,
      n0,
      _DKGR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteKeyValueStoreRequest$ = [
      3,
      n0,
      _DKVSR,
      0,
      [_N, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var DeleteMonitoringSubscriptionRequest$ = [
      3,
      n0,
      _DMSR,
      0,
      [_DI],
      [[0, 1]],
      1
    ];
    var DeleteMonitoringSubscriptionResult$ = [
      3,
      n0,
      _DMSRe,
      0,
      [],
      []
    ];
    var DeleteOriginAccessControlRequest$ = [
      3,
      n0,
      _DOACR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteOriginRequestPolicyRequest$ = [
      3,
      n0,
      _DORPR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeletePublicKeyRequest$ = [
      3,
      n0,
      _DPKR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteRealtimeLogConfigRequest$ = [
      3,
      n0,
      _DRLCR,
      0,
      [_N, _ARN],
      [0, 0]
    ];
    var DeleteResourcePolicyRequest$ = [
      3,
      n0,
      _DRPR,
      0,
      [_RA],
      [0],
      1
    ];
    var DeleteResponseHeadersPolicyRequest$ = [
      3,
      n0,
      _DRHPR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteStreamingDistributionRequest$ = [
      3,
      n0,
      _DSDR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DeleteTrustStoreRequest$ = [
      3,
      n0,
      _DTSR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var DeleteVpcOriginRequest$ = [
      3,
      n0,
      _DVOR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var DeleteVpcOriginResult$ = [
      3,
      n0,
      _DVORe,
      0,
      [_VO, _ET],
      [[() => VpcOrigin$, 16], [0, { [_hH]: _ET }]]
    ];
    var DescribeConnectionFunctionRequest$ = [
      3,
      n0,
      _DCFRe,
      0,
      [_Ide, _St],
      [[0, 1], [0, { [_hQ]: _St }]],
      1
    ];
    var DescribeConnectionFunctionResult$ = [
      3,
      n0,
      _DCFRes,
      0,
      [_CFS, _ET],
      [[() => ConnectionFunctionSummary$, 16], [0, { [_hH]: _ET }]]
    ];
    var DescribeFunctionRequest$ = [
      3,
      n0,
      _DFRe,
      0,
      [_N, _St],
      [[0, 1], [0, { [_hQ]: _St }]],
      1
    ];
    var DescribeFunctionResult$ = [
      3,
      n0,
      _DFRes,
      0,
      [_FS, _ET],
      [[() => FunctionSummary$, 16], [0, { [_hH]: _ET }]]
    ];
    var DescribeKeyValueStoreRequest$ = [
      3,
      n0,
      _DKVSRe,
      0,
      [_N],
      [[0, 1]],
      1
    ];
    var DescribeKeyValueStoreResult$ = [
      3,
      n0,
      _DKVSRes,
      0,
      [_KVS, _ET],
      [[() => KeyValueStore$, 16], [0, { [_hH]: _ET }]]
    ];
    var DisassociateDistributionTenantWebACLRequest$ = [
      3,
      n0,
      _DDTWACLR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DisassociateDistributionTenantWebACLResult$ = [
      3,
      n0,
      _DDTWACLRi,
      0,
      [_Id, _ET],
      [0, [0, { [_hH]: _ET }]]
    ];
    var DisassociateDistributionWebACLRequest$ = [
      3,
      n0,
      _DDWACLR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      1
    ];
    var DisassociateDistributionWebACLResult$ = [
      3,
      n0,
      _DDWACLRi,
      0,
      [_Id, _ET],
      [0, [0, { [_hH]: _ET }]]
    ];
    var Distribution$ = [
      3,
      n0,
      _D,
      0,
      [_Id, _ARN, _S, _LMT, _IPIB, _DN, _DC, _ATS, _ATKG, _AICPRl],
      [0, 0, 0, 4, 1, 0, [() => DistributionConfig$, 0], [() => ActiveTrustedSigners$, 0], [() => ActiveTrustedKeyGroups$, 0], [() => AliasICPRecordals, 0]],
      7
    ];
    var DistributionConfig$ = [
      3,
      n0,
      _DC,
      0,
      [_CR, _O, _DCB, _Co, _E, _A, _DRO, _OG, _CBa, _CERu, _Lo, _PC, _VC, _Re, _WACLI, _HV, _IIPVE, _CDPI, _Sta, _AILI, _TCe, _CMo, _VMC, _CFA, _CTC],
      [0, [() => Origins$, 0], [() => DefaultCacheBehavior$, 0], [() => CommentType, 0], 2, [() => Aliases$, 0], 0, [() => OriginGroups$, 0], [() => CacheBehaviors$, 0], [() => CustomErrorResponses$, 0], () => LoggingConfig$, 0, () => ViewerCertificate$, [() => Restrictions$, 0], 0, 0, 2, 0, 2, 0, [() => TenantConfig$, 0], 0, () => ViewerMtlsConfig$, () => ConnectionFunctionAssociation$, () => CacheTagConfig$],
      5
    ];
    var DistributionConfigWithTags$ = [
      3,
      n0,
      _DCWT,
      0,
      [_DC, _Ta],
      [[() => DistributionConfig$, 0], [() => Tags$, 0]],
      2
    ];
    var DistributionIdList$ = [
      3,
      n0,
      _DIL,
      0,
      [_Ma, _MI, _ITs, _Q, _NM, _I],
      [0, 1, 2, 1, 0, [() => DistributionIdListSummary, 0]],
      4
    ];
    var DistributionIdOwner$ = [
      3,
      n0,
      _DIO,
      0,
      [_DI, _OAI],
      [0, 0],
      2
    ];
    var DistributionIdOwnerList$ = [
      3,
      n0,
      _DIOL,
      0,
      [_Ma, _MI, _ITs, _Q, _NM, _I],
      [0, 1, 2, 1, 0, [() => DistributionIdOwnerItemList, 0]],
      4
    ];
    var DistributionList$ = [
      3,
      n0,
      _DL,
      0,
      [_Ma, _MI, _ITs, _Q, _NM, _I],
      [0, 1, 2, 1, 0, [() => DistributionSummaryList, 0]],
      4
    ];
    var DistributionResourceId$ = [
      3,
      n0,
      _DRI,
      0,
      [_DI, _DTI],
      [0, 0]
    ];
    var DistributionSummary$ = [
      3,
      n0,
      _DS,
      0,
      [_Id, _ARN, _S, _LMT, _DN, _A, _O, _DCB, _CBa, _CERu, _Co, _PC, _E, _VC, _Re, _WACLI, _HV, _IIPVE, _Sta, _ET, _OG, _AICPRl, _CMo, _AILI, _VMC, _CFA],
      [0, 0, 0, 4, 0, [() => Aliases$, 0], [() => Origins$, 0], [() => DefaultCacheBehavior$, 0], [() => CacheBehaviors$, 0], [() => CustomErrorResponses$, 0], [() => sensitiveStringType, 0], 0, 2, () => ViewerCertificate$, [() => Restrictions$, 0], 0, 0, 2, 2, 0, [() => OriginGroups$, 0], [() => AliasICPRecordals, 0], 0, 0, () => ViewerMtlsConfig$, () => ConnectionFunctionAssociation$],
      19
    ];
    var DistributionTenant$ = [
      3,
      n0,
      _DT,
      0,
      [_Id, _DI, _N, _Ar, _Do, _Ta, _Cu, _P, _CGI, _CTr, _LMT, _E, _S],
      [0, 0, 0, 0, () => DomainResultList, [() => Tags$, 0], [() => Customizations$, 0], () => _Parameters, 0, 4, 4, 2, 0]
    ];
    var DistributionTenantAssociationFilter$ = [
      3,
      n0,
      _DTAF,
      0,
      [_DI, _CGI],
      [0, 0]
    ];
    var DistributionTenantSummary$ = [
      3,
      n0,
      _DTS,
      0,
      [_Id, _DI, _N, _Ar, _Do, _CTr, _LMT, _ET, _CGI, _Cu, _E, _S],
      [0, 0, 0, 0, () => DomainResultList, 4, 4, 0, 0, [() => Customizations$, 0], 2, 0],
      8
    ];
    var DnsConfiguration$ = [
      3,
      n0,
      _DCn,
      0,
      [_Dom, _S, _Rea],
      [0, 0, 0],
      2
    ];
    var DomainConflict$ = [
      3,
      n0,
      _DCo,
      0,
      [_Dom, _RT, _RI, _AIc],
      [0, 0, 0, 0],
      4
    ];
    var DomainItem$ = [
      3,
      n0,
      _DIo,
      0,
      [_Dom],
      [0],
      1
    ];
    var DomainResult$ = [
      3,
      n0,
      _DR,
      0,
      [_Dom, _S],
      [0, 0],
      1
    ];
    var EncryptionEntities$ = [
      3,
      n0,
      _EE,
      0,
      [_Q, _I],
      [1, [() => EncryptionEntityList, 0]],
      1
    ];
    var EncryptionEntity$ = [
      3,
      n0,
      _EEn,
      0,
      [_PKI, _PIr, _FP],
      [0, 0, [() => FieldPatterns$, 0]],
      3
    ];
    var EndPoint$ = [
      3,
      n0,
      _EPn,
      0,
      [_ST, _KSC],
      [0, () => KinesisStreamConfig$],
      1
    ];
    var FieldLevelEncryption$ = [
      3,
      n0,
      _FLE,
      0,
      [_Id, _LMT, _FLEC],
      [0, 4, [() => FieldLevelEncryptionConfig$, 0]],
      3
    ];
    var FieldLevelEncryptionConfig$ = [
      3,
      n0,
      _FLEC,
      0,
      [_CR, _Co, _QAPC, _CTPC],
      [0, 0, [() => QueryArgProfileConfig$, 0], [() => ContentTypeProfileConfig$, 0]],
      1
    ];
    var FieldLevelEncryptionList$ = [
      3,
      n0,
      _FLEL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => FieldLevelEncryptionSummaryList, 0]],
      2
    ];
    var FieldLevelEncryptionProfile$ = [
      3,
      n0,
      _FLEP,
      0,
      [_Id, _LMT, _FLEPC],
      [0, 4, [() => FieldLevelEncryptionProfileConfig$, 0]],
      3
    ];
    var FieldLevelEncryptionProfileConfig$ = [
      3,
      n0,
      _FLEPC,
      0,
      [_N, _CR, _EE, _Co],
      [0, 0, [() => EncryptionEntities$, 0], 0],
      3
    ];
    var FieldLevelEncryptionProfileList$ = [
      3,
      n0,
      _FLEPL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => FieldLevelEncryptionProfileSummaryList, 0]],
      2
    ];
    var FieldLevelEncryptionProfileSummary$ = [
      3,
      n0,
      _FLEPS,
      0,
      [_Id, _LMT, _N, _EE, _Co],
      [0, 4, 0, [() => EncryptionEntities$, 0], 0],
      4
    ];
    var FieldLevelEncryptionSummary$ = [
      3,
      n0,
      _FLES,
      0,
      [_Id, _LMT, _Co, _QAPC, _CTPC],
      [0, 4, 0, [() => QueryArgProfileConfig$, 0], [() => ContentTypeProfileConfig$, 0]],
      2
    ];
    var FieldPatterns$ = [
      3,
      n0,
      _FP,
      0,
      [_Q, _I],
      [1, [() => FieldPatternList, 0]],
      1
    ];
    var ForwardedValues$ = [
      3,
      n0,
      _FV,
      0,
      [_QSu, _Coo, _H, _QSCK],
      [2, [() => CookiePreference$, 0], [() => Headers$, 0], [() => QueryStringCacheKeys$, 0]],
      2
    ];
    var FunctionAssociation$ = [
      3,
      n0,
      _FAu,
      0,
      [_FARN, _ETv],
      [0, 0],
      2
    ];
    var FunctionAssociations$ = [
      3,
      n0,
      _FA,
      0,
      [_Q, _I],
      [1, [() => FunctionAssociationList, 0]],
      1
    ];
    var FunctionConfig$ = [
      3,
      n0,
      _FC,
      0,
      [_Co, _Ru, _KVSA],
      [0, 0, [() => KeyValueStoreAssociations$, 0]],
      2
    ];
    var FunctionList$ = [
      3,
      n0,
      _FL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => FunctionSummaryList, 0]],
      2
    ];
    var FunctionMetadata$ = [
      3,
      n0,
      _FM,
      0,
      [_FARN, _LMT, _St, _CTr],
      [0, 4, 0, 4],
      2
    ];
    var FunctionSummary$ = [
      3,
      n0,
      _FS,
      0,
      [_N, _FC, _FM, _S],
      [0, [() => FunctionConfig$, 0], () => FunctionMetadata$, 0],
      3
    ];
    var GeoRestriction$ = [
      3,
      n0,
      _GRe,
      0,
      [_RTe, _Q, _I],
      [0, 1, [() => LocationList, 0]],
      2
    ];
    var GeoRestrictionCustomization$ = [
      3,
      n0,
      _GRC,
      0,
      [_RTe, _Loc],
      [0, [() => LocationList, 0]],
      1
    ];
    var GetAnycastIpListRequest$ = [
      3,
      n0,
      _GAILR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetAnycastIpListResult$ = [
      3,
      n0,
      _GAILRe,
      0,
      [_AIL, _ET],
      [[() => AnycastIpList$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetCachePolicyConfigRequest$ = [
      3,
      n0,
      _GCPCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetCachePolicyConfigResult$ = [
      3,
      n0,
      _GCPCRe,
      0,
      [_CPC, _ET],
      [[() => CachePolicyConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetCachePolicyRequest$ = [
      3,
      n0,
      _GCPR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetCachePolicyResult$ = [
      3,
      n0,
      _GCPRe,
      0,
      [_CP, _ET],
      [[() => CachePolicy$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetCloudFrontOriginAccessIdentityConfigRequest$ = [
      3,
      n0,
      _GCFOAICR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetCloudFrontOriginAccessIdentityConfigResult$ = [
      3,
      n0,
      _GCFOAICRe,
      0,
      [_CFOAIC, _ET],
      [[() => CloudFrontOriginAccessIdentityConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetCloudFrontOriginAccessIdentityRequest$ = [
      3,
      n0,
      _GCFOAIR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetCloudFrontOriginAccessIdentityResult$ = [
      3,
      n0,
      _GCFOAIRe,
      0,
      [_CFOAI, _ET],
      [[() => CloudFrontOriginAccessIdentity$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetConnectionFunctionRequest$ = [
      3,
      n0,
      _GCFR,
      0,
      [_Ide, _St],
      [[0, 1], [0, { [_hQ]: _St }]],
      1
    ];
    var GetConnectionFunctionResult$ = [
      3,
      n0,
      _GCFRe,
      0,
      [_CFCo, _ET, _CTo],
      [[() => FunctionBlob, 16], [0, { [_hH]: _ET }], [0, { [_hH]: _CT_ }]]
    ];
    var GetConnectionGroupByRoutingEndpointRequest$ = [
      3,
      n0,
      _GCGBRER,
      0,
      [_RE],
      [[0, { [_hQ]: _RE }]],
      1
    ];
    var GetConnectionGroupByRoutingEndpointResult$ = [
      3,
      n0,
      _GCGBRERe,
      0,
      [_CG, _ET],
      [[() => ConnectionGroup$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetConnectionGroupRequest$ = [
      3,
      n0,
      _GCGR,
      0,
      [_Ide],
      [[0, 1]],
      1
    ];
    var GetConnectionGroupResult$ = [
      3,
      n0,
      _GCGRe,
      0,
      [_CG, _ET],
      [[() => ConnectionGroup$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetContinuousDeploymentPolicyConfigRequest$ = [
      3,
      n0,
      _GCDPCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetContinuousDeploymentPolicyConfigResult$ = [
      3,
      n0,
      _GCDPCRe,
      0,
      [_CDPC, _ET],
      [[() => ContinuousDeploymentPolicyConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetContinuousDeploymentPolicyRequest$ = [
      3,
      n0,
      _GCDPR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetContinuousDeploymentPolicyResult$ = [
      3,
      n0,
      _GCDPRe,
      0,
      [_CDP, _ET],
      [[() => ContinuousDeploymentPolicy$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetDistributionConfigRequest$ = [
      3,
      n0,
      _GDCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetDistributionConfigResult$ = [
      3,
      n0,
      _GDCRe,
      0,
      [_DC, _ET],
      [[() => DistributionConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetDistributionRequest$ = [
      3,
      n0,
      _GDR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetDistributionResult$ = [
      3,
      n0,
      _GDRe,
      0,
      [_D, _ET],
      [[() => Distribution$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetDistributionTenantByDomainRequest$ = [
      3,
      n0,
      _GDTBDR,
      0,
      [_Dom],
      [[0, { [_hQ]: _d }]],
      1
    ];
    var GetDistributionTenantByDomainResult$ = [
      3,
      n0,
      _GDTBDRe,
      0,
      [_DT, _ET],
      [[() => DistributionTenant$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetDistributionTenantRequest$ = [
      3,
      n0,
      _GDTR,
      0,
      [_Ide],
      [[0, 1]],
      1
    ];
    var GetDistributionTenantResult$ = [
      3,
      n0,
      _GDTRe,
      0,
      [_DT, _ET],
      [[() => DistributionTenant$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetFieldLevelEncryptionConfigRequest$ = [
      3,
      n0,
      _GFLECR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetFieldLevelEncryptionConfigResult$ = [
      3,
      n0,
      _GFLECRe,
      0,
      [_FLEC, _ET],
      [[() => FieldLevelEncryptionConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetFieldLevelEncryptionProfileConfigRequest$ = [
      3,
      n0,
      _GFLEPCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetFieldLevelEncryptionProfileConfigResult$ = [
      3,
      n0,
      _GFLEPCRe,
      0,
      [_FLEPC, _ET],
      [[() => FieldLevelEncryptionProfileConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetFieldLevelEncryptionProfileRequest$ = [
      3,
      n0,
      _GFLEPR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetFieldLevelEncryptionProfileResult$ = [
      3,
      n0,
      _GFLEPRe,
      0,
      [_FLEP, _ET],
      [[() => FieldLevelEncryptionProfile$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetFieldLevelEncryptionRequest$ = [
      3,
      n0,
      _GFLER,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetFieldLevelEncryptionResult$ = [
      3,
      n0,
      _GFLERe,
      0,
      [_FLE, _ET],
      [[() => FieldLevelEncryption$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetFunctionRequest$ = [
      3,
      n0,
      _GFR,
      0,
      [_N, _St],
      [[0, 1], [0, { [_hQ]: _St }]],
      1
    ];
    var GetFunctionResult$ = [
      3,
      n0,
      _GFRe,
      0,
      [_FCu, _ET, _CTo],
      [[() => FunctionBlob, 16], [0, { [_hH]: _ET }], [0, { [_hH]: _CT_ }]]
    ];
    var GetInvalidationForDistributionTenantRequest$ = [
      3,
      n0,
      _GIFDTR,
      0,
      [_DTI, _Id],
      [[0, 1], [0, 1]],
      2
    ];
    var GetInvalidationForDistributionTenantResult$ = [
      3,
      n0,
      _GIFDTRe,
      0,
      [_In],
      [[() => Invalidation$, 16]]
    ];
    var GetInvalidationRequest$ = [
      3,
      n0,
      _GIR,
      0,
      [_DI, _Id],
      [[0, 1], [0, 1]],
      2
    ];
    var GetInvalidationResult$ = [
      3,
      n0,
      _GIRe,
      0,
      [_In],
      [[() => Invalidation$, 16]]
    ];
    var GetKeyGroupConfigRequest$ = [
      3,
      n0,
      _GKGCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetKeyGroupConfigResult$ = [
      3,
      n0,
      _GKGCRe,
      0,
      [_KGC, _ET],
      [[() => KeyGroupConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetKeyGroupRequest$ = [
      3,
      n0,
      _GKGR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetKeyGroupResult$ = [
      3,
      n0,
      _GKGRe,
      0,
      [_KG, _ET],
      [[() => KeyGroup$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetManagedCertificateDetailsRequest$ = [
      3,
      n0,
      _GMCDR,
      0,
      [_Ide],
      [[0, 1]],
      1
    ];
    var GetManagedCertificateDetailsResult$ = [
      3,
      n0,
      _GMCDRe,
      0,
      [_MCD],
      [[() => ManagedCertificateDetails$, 16]]
    ];
    var GetMonitoringSubscriptionRequest$ = [
      3,
      n0,
      _GMSR,
      0,
      [_DI],
      [[0, 1]],
      1
    ];
    var GetMonitoringSubscriptionResult$ = [
      3,
      n0,
      _GMSRe,
      0,
      [_MS],
      [[() => MonitoringSubscription$, 16]]
    ];
    var GetOriginAccessControlConfigRequest$ = [
      3,
      n0,
      _GOACCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetOriginAccessControlConfigResult$ = [
      3,
      n0,
      _GOACCRe,
      0,
      [_OACC, _ET],
      [[() => OriginAccessControlConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetOriginAccessControlRequest$ = [
      3,
      n0,
      _GOACR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetOriginAccessControlResult$ = [
      3,
      n0,
      _GOACRe,
      0,
      [_OAC, _ET],
      [[() => OriginAccessControl$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetOriginRequestPolicyConfigRequest$ = [
      3,
      n0,
      _GORPCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetOriginRequestPolicyConfigResult$ = [
      3,
      n0,
      _GORPCRe,
      0,
      [_ORPC, _ET],
      [[() => OriginRequestPolicyConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetOriginRequestPolicyRequest$ = [
      3,
      n0,
      _GORPR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetOriginRequestPolicyResult$ = [
      3,
      n0,
      _GORPRe,
      0,
      [_ORP, _ET],
      [[() => OriginRequestPolicy$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetPublicKeyConfigRequest$ = [
      3,
      n0,
      _GPKCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetPublicKeyConfigResult$ = [
      3,
      n0,
      _GPKCRe,
      0,
      [_PKC, _ET],
      [[() => PublicKeyConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetPublicKeyRequest$ = [
      3,
      n0,
      _GPKR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetPublicKeyResult$ = [
      3,
      n0,
      _GPKRe,
      0,
      [_PK, _ET],
      [[() => PublicKey$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetRealtimeLogConfigRequest$ = [
      3,
      n0,
      _GRLCR,
      0,
      [_N, _ARN],
      [0, 0]
    ];
    var GetRealtimeLogConfigResult$ = [
      3,
      n0,
      _GRLCRe,
      0,
      [_RLC],
      [[() => RealtimeLogConfig$, 0]]
    ];
    var GetResourcePolicyRequest$ = [
      3,
      n0,
      _GRPR,
      0,
      [_RA],
      [0],
      1
    ];
    var GetResourcePolicyResult$ = [
      3,
      n0,
      _GRPRe,
      0,
      [_RA, _PD],
      [0, 0]
    ];
    var GetResponseHeadersPolicyConfigRequest$ = [
      3,
      n0,
      _GRHPCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetResponseHeadersPolicyConfigResult$ = [
      3,
      n0,
      _GRHPCRe,
      0,
      [_RHPC, _ET],
      [[() => ResponseHeadersPolicyConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetResponseHeadersPolicyRequest$ = [
      3,
      n0,
      _GRHPR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetResponseHeadersPolicyResult$ = [
      3,
      n0,
      _GRHPRe,
      0,
      [_RHP, _ET],
      [[() => ResponseHeadersPolicy$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetStreamingDistributionConfigRequest$ = [
      3,
      n0,
      _GSDCR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetStreamingDistributionConfigResult$ = [
      3,
      n0,
      _GSDCRe,
      0,
      [_SDC, _ET],
      [[() => StreamingDistributionConfig$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetStreamingDistributionRequest$ = [
      3,
      n0,
      _GSDR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetStreamingDistributionResult$ = [
      3,
      n0,
      _GSDRe,
      0,
      [_SD, _ET],
      [[() => StreamingDistribution$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetTrustStoreRequest$ = [
      3,
      n0,
      _GTSR,
      0,
      [_Ide],
      [[0, 1]],
      1
    ];
    var GetTrustStoreResult$ = [
      3,
      n0,
      _GTSRe,
      0,
      [_TSr, _ET],
      [[() => TrustStore$, 16], [0, { [_hH]: _ET }]]
    ];
    var GetVpcOriginRequest$ = [
      3,
      n0,
      _GVOR,
      0,
      [_Id],
      [[0, 1]],
      1
    ];
    var GetVpcOriginResult$ = [
      3,
      n0,
      _GVORe,
      0,
      [_VO, _ET],
      [[() => VpcOrigin$, 16], [0, { [_hH]: _ET }]]
    ];
    var GrpcConfig$ = [
      3,
      n0,
      _GC,
      0,
      [_E],
      [2],
      1
    ];
    var Headers$ = [
      3,
      n0,
      _H,
      0,
      [_Q, _I],
      [1, [() => HeaderList, 0]],
      1
    ];
    var ImportSource$ = [
      3,
      n0,
      _IS,
      0,
      [_STo, _SARN],
      [0, 0],
      2
    ];
    var Invalidation$ = [
      3,
      n0,
      _In,
      0,
      [_Id, _S, _CTre, _IB],
      [0, 0, 4, [() => InvalidationBatch$, 0]],
      4
    ];
    var InvalidationBatch$ = [
      3,
      n0,
      _IB,
      0,
      [_Pa, _CR],
      [[() => Paths$, 0], 0],
      2
    ];
    var InvalidationList$ = [
      3,
      n0,
      _IL,
      0,
      [_Ma, _MI, _ITs, _Q, _NM, _I],
      [0, 1, 2, 1, 0, [() => InvalidationSummaryList, 0]],
      4
    ];
    var InvalidationSummary$ = [
      3,
      n0,
      _ISn,
      0,
      [_Id, _CTre, _S],
      [0, 4, 0],
      3
    ];
    var IpamCidrConfig$ = [
      3,
      n0,
      _ICCp,
      0,
      [_Ci, _IPA, _AIn, _S],
      [0, 0, 0, 0],
      2
    ];
    var IpamConfig$ = [
      3,
      n0,
      _ICp,
      0,
      [_Q, _ICC],
      [1, [() => IpamCidrConfigList, 0]],
      2
    ];
    var KeyGroup$ = [
      3,
      n0,
      _KG,
      0,
      [_Id, _LMT, _KGC],
      [0, 4, [() => KeyGroupConfig$, 0]],
      3
    ];
    var KeyGroupConfig$ = [
      3,
      n0,
      _KGC,
      0,
      [_N, _I, _Co],
      [0, [() => PublicKeyIdList, 0], 0],
      2
    ];
    var KeyGroupList$ = [
      3,
      n0,
      _KGL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => KeyGroupSummaryList, 0]],
      2
    ];
    var KeyGroupSummary$ = [
      3,
      n0,
      _KGS,
      0,
      [_KG],
      [[() => KeyGroup$, 0]],
      1
    ];
    var KeyPairIds$ = [
      3,
      n0,
      _KPI,
      0,
      [_Q, _I],
      [1, [() => KeyPairIdList, 0]],
      1
    ];
    var KeyValueStore$ = [
      3,
      n0,
      _KVS,
      0,
      [_N, _Id, _Co, _ARN, _LMT, _S],
      [0, 0, 0, 0, 4, 0],
      5
    ];
    var KeyValueStoreAssociation$ = [
      3,
      n0,
      _KVSAe,
      0,
      [_KVSARN],
      [0],
      1
    ];
    var KeyValueStoreAssociations$ = [
      3,
      n0,
      _KVSA,
      0,
      [_Q, _I],
      [1, [() => KeyValueStoreAssociationList, 0]],
      1
    ];
    var KeyValueStoreList$ = [
      3,
      n0,
      _KVSL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => KeyValueStoreSummaryList, 0]],
      2
    ];
    var KGKeyPairIds$ = [
      3,
      n0,
      _KGKPI,
      0,
      [_KGI, _KPI],
      [0, [() => KeyPairIds$, 0]]
    ];
    var KinesisStreamConfig$ = [
      3,
      n0,
      _KSC,
      0,
      [_RARN, _SARNt],
      [0, 0],
      2
    ];
    var LambdaFunctionAssociation$ = [
      3,
      n0,
      _LFAa,
      0,
      [_LFARN, _ETv, _IBn],
      [0, 0, 2],
      2
    ];
    var LambdaFunctionAssociations$ = [
      3,
      n0,
      _LFA,
      0,
      [_Q, _I],
      [1, [() => LambdaFunctionAssociationList, 0]],
      1
    ];
    var ListAnycastIpListsRequest$ = [
      3,
      n0,
      _LAILR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListAnycastIpListsResult$ = [
      3,
      n0,
      _LAILRi,
      0,
      [_AILn],
      [[() => AnycastIpListCollection$, { [_hP]: 1, [_xN]: _AILC }]]
    ];
    var ListCachePoliciesRequest$ = [
      3,
      n0,
      _LCPR,
      0,
      [_T, _Ma, _MI],
      [[0, { [_hQ]: _T }], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListCachePoliciesResult$ = [
      3,
      n0,
      _LCPRi,
      0,
      [_CPL],
      [[() => CachePolicyList$, 16]]
    ];
    var ListCloudFrontOriginAccessIdentitiesRequest$ = [
      3,
      n0,
      _LCFOAIR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListCloudFrontOriginAccessIdentitiesResult$ = [
      3,
      n0,
      _LCFOAIRi,
      0,
      [_CFOAIL],
      [[() => CloudFrontOriginAccessIdentityList$, 16]]
    ];
    var ListConflictingAliasesRequest$ = [
      3,
      n0,
      _LCAR,
      0,
      [_DI, _Al, _Ma, _MI],
      [[0, { [_hQ]: _DI }], [0, { [_hQ]: _Al }], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      2
    ];
    var ListConflictingAliasesResult$ = [
      3,
      n0,
      _LCARi,
      0,
      [_CAL],
      [[() => ConflictingAliasesList$, 16]]
    ];
    var ListConnectionFunctionsRequest$ = [
      3,
      n0,
      _LCFR,
      0,
      [_Ma, _MI, _St],
      [0, 1, 0]
    ];
    var ListConnectionFunctionsResult$ = [
      3,
      n0,
      _LCFRi,
      0,
      [_NM, _CF],
      [0, [() => ConnectionFunctionSummaryList, 0]]
    ];
    var ListConnectionGroupsRequest$ = [
      3,
      n0,
      _LCGR,
      0,
      [_AF, _Ma, _MI],
      [() => ConnectionGroupAssociationFilter$, 0, 1]
    ];
    var ListConnectionGroupsResult$ = [
      3,
      n0,
      _LCGRi,
      0,
      [_NM, _CGo],
      [0, [() => ConnectionGroupSummaryList, 0]]
    ];
    var ListContinuousDeploymentPoliciesRequest$ = [
      3,
      n0,
      _LCDPR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListContinuousDeploymentPoliciesResult$ = [
      3,
      n0,
      _LCDPRi,
      0,
      [_CDPL],
      [[() => ContinuousDeploymentPolicyList$, 16]]
    ];
    var ListDistributionsByAnycastIpListIdRequest$ = [
      3,
      n0,
      _LDBAILIR,
      0,
      [_AILI, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByAnycastIpListIdResult$ = [
      3,
      n0,
      _LDBAILIRi,
      0,
      [_DL],
      [[() => DistributionList$, 16]]
    ];
    var ListDistributionsByCachePolicyIdRequest$ = [
      3,
      n0,
      _LDBCPIR,
      0,
      [_CPI, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByCachePolicyIdResult$ = [
      3,
      n0,
      _LDBCPIRi,
      0,
      [_DIL],
      [[() => DistributionIdList$, 16]]
    ];
    var ListDistributionsByConnectionFunctionRequest$ = [
      3,
      n0,
      _LDBCFR,
      0,
      [_CFI, _Ma, _MI],
      [[0, { [_hQ]: _CFI }], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByConnectionFunctionResult$ = [
      3,
      n0,
      _LDBCFRi,
      0,
      [_DL],
      [[() => DistributionList$, 16]]
    ];
    var ListDistributionsByConnectionModeRequest$ = [
      3,
      n0,
      _LDBCMR,
      0,
      [_CMo, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByConnectionModeResult$ = [
      3,
      n0,
      _LDBCMRi,
      0,
      [_DL],
      [[() => DistributionList$, 16]]
    ];
    var ListDistributionsByKeyGroupRequest$ = [
      3,
      n0,
      _LDBKGR,
      0,
      [_KGI, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByKeyGroupResult$ = [
      3,
      n0,
      _LDBKGRi,
      0,
      [_DIL],
      [[() => DistributionIdList$, 16]]
    ];
    var ListDistributionsByOriginRequestPolicyIdRequest$ = [
      3,
      n0,
      _LDBORPIR,
      0,
      [_ORPI, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByOriginRequestPolicyIdResult$ = [
      3,
      n0,
      _LDBORPIRi,
      0,
      [_DIL],
      [[() => DistributionIdList$, 16]]
    ];
    var ListDistributionsByOwnedResourceRequest$ = [
      3,
      n0,
      _LDBORR,
      0,
      [_RA, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByOwnedResourceResult$ = [
      3,
      n0,
      _LDBORRi,
      0,
      [_DL],
      [[() => DistributionIdOwnerList$, 16]]
    ];
    var ListDistributionsByRealtimeLogConfigRequest$ = [
      3,
      n0,
      _LDBRLCR,
      0,
      [_Ma, _MI, _RLCN, _RLCA],
      [0, 1, 0, 0]
    ];
    var ListDistributionsByRealtimeLogConfigResult$ = [
      3,
      n0,
      _LDBRLCRi,
      0,
      [_DL],
      [[() => DistributionList$, 16]]
    ];
    var ListDistributionsByResponseHeadersPolicyIdRequest$ = [
      3,
      n0,
      _LDBRHPIR,
      0,
      [_RHPI, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByResponseHeadersPolicyIdResult$ = [
      3,
      n0,
      _LDBRHPIRi,
      0,
      [_DIL],
      [[() => DistributionIdList$, 16]]
    ];
    var ListDistributionsByTrustStoreRequest$ = [
      3,
      n0,
      _LDBTSR,
      0,
      [_TSI, _Ma, _MI],
      [[0, { [_hQ]: _TSI }], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByTrustStoreResult$ = [
      3,
      n0,
      _LDBTSRi,
      0,
      [_DL],
      [[() => DistributionList$, 16]]
    ];
    var ListDistributionsByVpcOriginIdRequest$ = [
      3,
      n0,
      _LDBVOIR,
      0,
      [_VOI, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByVpcOriginIdResult$ = [
      3,
      n0,
      _LDBVOIRi,
      0,
      [_DIL],
      [[() => DistributionIdList$, 16]]
    ];
    var ListDistributionsByWebACLIdRequest$ = [
      3,
      n0,
      _LDBWACLIR,
      0,
      [_WACLI, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListDistributionsByWebACLIdResult$ = [
      3,
      n0,
      _LDBWACLIRi,
      0,
      [_DL],
      [[() => DistributionList$, 16]]
    ];
    var ListDistributionsRequest$ = [
      3,
      n0,
      _LDR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListDistributionsResult$ = [
      3,
      n0,
      _LDRi,
      0,
      [_DL],
      [[() => DistributionList$, 16]]
    ];
    var ListDistributionTenantsByCustomizationRequest$ = [
      3,
      n0,
      _LDTBCR,
      0,
      [_WACLA, _CAe, _Ma, _MI],
      [0, 0, 0, 1]
    ];
    var ListDistributionTenantsByCustomizationResult$ = [
      3,
      n0,
      _LDTBCRi,
      0,
      [_NM, _DTL],
      [0, [() => DistributionTenantList, 0]]
    ];
    var ListDistributionTenantsRequest$ = [
      3,
      n0,
      _LDTR,
      0,
      [_AF, _Ma, _MI],
      [() => DistributionTenantAssociationFilter$, 0, 1]
    ];
    var ListDistributionTenantsResult$ = [
      3,
      n0,
      _LDTRi,
      0,
      [_NM, _DTL],
      [0, [() => DistributionTenantList, 0]]
    ];
    var ListDomainConflictsRequest$ = [
      3,
      n0,
      _LDCR,
      0,
      [_Dom, _DCVR, _MI, _Ma],
      [0, () => DistributionResourceId$, 1, 0],
      2
    ];
    var ListDomainConflictsResult$ = [
      3,
      n0,
      _LDCRi,
      0,
      [_DCom, _NM],
      [[() => DomainConflictsList, 0], 0]
    ];
    var ListFieldLevelEncryptionConfigsRequest$ = [
      3,
      n0,
      _LFLECR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListFieldLevelEncryptionConfigsResult$ = [
      3,
      n0,
      _LFLECRi,
      0,
      [_FLEL],
      [[() => FieldLevelEncryptionList$, 16]]
    ];
    var ListFieldLevelEncryptionProfilesRequest$ = [
      3,
      n0,
      _LFLEPR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListFieldLevelEncryptionProfilesResult$ = [
      3,
      n0,
      _LFLEPRi,
      0,
      [_FLEPL],
      [[() => FieldLevelEncryptionProfileList$, 16]]
    ];
    var ListFunctionsRequest$ = [
      3,
      n0,
      _LFR,
      0,
      [_Ma, _MI, _St],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }], [0, { [_hQ]: _St }]]
    ];
    var ListFunctionsResult$ = [
      3,
      n0,
      _LFRi,
      0,
      [_FL],
      [[() => FunctionList$, 16]]
    ];
    var ListInvalidationsForDistributionTenantRequest$ = [
      3,
      n0,
      _LIFDTR,
      0,
      [_Id, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListInvalidationsForDistributionTenantResult$ = [
      3,
      n0,
      _LIFDTRi,
      0,
      [_IL],
      [[() => InvalidationList$, 16]]
    ];
    var ListInvalidationsRequest$ = [
      3,
      n0,
      _LIR,
      0,
      [_DI, _Ma, _MI],
      [[0, 1], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]],
      1
    ];
    var ListInvalidationsResult$ = [
      3,
      n0,
      _LIRi,
      0,
      [_IL],
      [[() => InvalidationList$, 16]]
    ];
    var ListKeyGroupsRequest$ = [
      3,
      n0,
      _LKGR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListKeyGroupsResult$ = [
      3,
      n0,
      _LKGRi,
      0,
      [_KGL],
      [[() => KeyGroupList$, 16]]
    ];
    var ListKeyValueStoresRequest$ = [
      3,
      n0,
      _LKVSR,
      0,
      [_Ma, _MI, _S],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }], [0, { [_hQ]: _S }]]
    ];
    var ListKeyValueStoresResult$ = [
      3,
      n0,
      _LKVSRi,
      0,
      [_KVSL],
      [[() => KeyValueStoreList$, 16]]
    ];
    var ListOriginAccessControlsRequest$ = [
      3,
      n0,
      _LOACR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListOriginAccessControlsResult$ = [
      3,
      n0,
      _LOACRi,
      0,
      [_OACL],
      [[() => OriginAccessControlList$, 16]]
    ];
    var ListOriginRequestPoliciesRequest$ = [
      3,
      n0,
      _LORPR,
      0,
      [_T, _Ma, _MI],
      [[0, { [_hQ]: _T }], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListOriginRequestPoliciesResult$ = [
      3,
      n0,
      _LORPRi,
      0,
      [_ORPL],
      [[() => OriginRequestPolicyList$, 16]]
    ];
    var ListPublicKeysRequest$ = [
      3,
      n0,
      _LPKR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListPublicKeysResult$ = [
      3,
      n0,
      _LPKRi,
      0,
      [_PKL],
      [[() => PublicKeyList$, 16]]
    ];
    var ListRealtimeLogConfigsRequest$ = [
      3,
      n0,
      _LRLCR,
      0,
      [_MI, _Ma],
      [[1, { [_hQ]: _MI }], [0, { [_hQ]: _Ma }]]
    ];
    var ListRealtimeLogConfigsResult$ = [
      3,
      n0,
      _LRLCRi,
      0,
      [_RLCe],
      [[() => RealtimeLogConfigs$, 16]]
    ];
    var ListResponseHeadersPoliciesRequest$ = [
      3,
      n0,
      _LRHPR,
      0,
      [_T, _Ma, _MI],
      [[0, { [_hQ]: _T }], [0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListResponseHeadersPoliciesResult$ = [
      3,
      n0,
      _LRHPRi,
      0,
      [_RHPL],
      [[() => ResponseHeadersPolicyList$, 16]]
    ];
    var ListStreamingDistributionsRequest$ = [
      3,
      n0,
      _LSDR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListStreamingDistributionsResult$ = [
      3,
      n0,
      _LSDRi,
      0,
      [_SDL],
      [[() => StreamingDistributionList$, 16]]
    ];
    var ListTagsForResourceRequest$ = [
      3,
      n0,
      _LTFRR,
      0,
      [_Res],
      [[0, { [_hQ]: _Res }]],
      1
    ];
    var ListTagsForResourceResult$ = [
      3,
      n0,
      _LTFRRi,
      0,
      [_Ta],
      [[() => Tags$, 16]],
      1
    ];
    var ListTrustStoresRequest$ = [
      3,
      n0,
      _LTSR,
      0,
      [_Ma, _MI],
      [0, 1]
    ];
    var ListTrustStoresResult$ = [
      3,
      n0,
      _LTSRi,
      0,
      [_NM, _TSL],
      [0, [() => TrustStoreList, 0]]
    ];
    var ListVpcOriginsRequest$ = [
      3,
      n0,
      _LVOR,
      0,
      [_Ma, _MI],
      [[0, { [_hQ]: _Ma }], [1, { [_hQ]: _MI }]]
    ];
    var ListVpcOriginsResult$ = [
      3,
      n0,
      _LVORi,
      0,
      [_VOL],
      [[() => VpcOriginList$, 16]]
    ];
    var LoggingConfig$ = [
      3,
      n0,
      _LC,
      0,
      [_E, _ICn, _B, _Pr],
      [2, 2, 0, 0]
    ];
    var ManagedCertificateDetails$ = [
      3,
      n0,
      _MCD,
      0,
      [_CAe, _CS, _VTH, _VTD],
      [0, 0, 0, () => ValidationTokenDetailList]
    ];
    var ManagedCertificateRequest$ = [
      3,
      n0,
      _MCR,
      0,
      [_VTH, _PDN, _CTLP],
      [0, 0, 0],
      1
    ];
    var MonitoringSubscription$ = [
      3,
      n0,
      _MS,
      0,
      [_RMSC],
      [() => RealtimeMetricsSubscriptionConfig$]
    ];
    var Origin$ = [
      3,
      n0,
      _Or,
      0,
      [_Id, _DN, _OP, _CH, _SOC, _COC, _VOC, _CAo, _CTon, _RCT, _OS, _OACI],
      [0, 0, 0, [() => CustomHeaders$, 0], () => S3OriginConfig$, [() => CustomOriginConfig$, 0], () => VpcOriginConfig$, 1, 1, 1, () => OriginShield$, 0],
      2
    ];
    var OriginAccessControl$ = [
      3,
      n0,
      _OAC,
      0,
      [_Id, _OACC],
      [0, () => OriginAccessControlConfig$],
      1
    ];
    var OriginAccessControlConfig$ = [
      3,
      n0,
      _OACC,
      0,
      [_N, _SP, _SB, _OACOT, _De],
      [0, 0, 0, 0, 0],
      4
    ];
    var OriginAccessControlList$ = [
      3,
      n0,
      _OACL,
      0,
      [_Ma, _MI, _ITs, _Q, _NM, _I],
      [0, 1, 2, 1, 0, [() => OriginAccessControlSummaryList, 0]],
      4
    ];
    var OriginAccessControlSummary$ = [
      3,
      n0,
      _OACS,
      0,
      [_Id, _De, _N, _SP, _SB, _OACOT],
      [0, 0, 0, 0, 0, 0],
      6
    ];
    var OriginCustomHeader$ = [
      3,
      n0,
      _OCH,
      0,
      [_HN, _HVe],
      [0, [() => sensitiveStringType, 0]],
      2
    ];
    var OriginGroup$ = [
      3,
      n0,
      _OGr,
      0,
      [_Id, _FCa, _Me, _SC],
      [0, [() => OriginGroupFailoverCriteria$, 0], [() => OriginGroupMembers$, 0], 0],
      3
    ];
    var OriginGroupFailoverCriteria$ = [
      3,
      n0,
      _OGFC,
      0,
      [_SCt],
      [[() => StatusCodes$, 0]],
      1
    ];
    var OriginGroupMember$ = [
      3,
      n0,
      _OGM,
      0,
      [_OI],
      [0],
      1
    ];
    var OriginGroupMembers$ = [
      3,
      n0,
      _OGMr,
      0,
      [_Q, _I],
      [1, [() => OriginGroupMemberList, 0]],
      2
    ];
    var OriginGroups$ = [
      3,
      n0,
      _OG,
      0,
      [_Q, _I],
      [1, [() => OriginGroupList, 0]],
      1
    ];
    var OriginMtlsConfig$ = [
      3,
      n0,
      _OMC,
      0,
      [_CCA],
      [0],
      1
    ];
    var OriginRequestPolicy$ = [
      3,
      n0,
      _ORP,
      0,
      [_Id, _LMT, _ORPC],
      [0, 4, [() => OriginRequestPolicyConfig$, 0]],
      3
    ];
    var OriginRequestPolicyConfig$ = [
      3,
      n0,
      _ORPC,
      0,
      [_N, _HC, _CC, _QSC, _Co],
      [0, [() => OriginRequestPolicyHeadersConfig$, 0], [() => OriginRequestPolicyCookiesConfig$, 0], [() => OriginRequestPolicyQueryStringsConfig$, 0], 0],
      4
    ];
    var OriginRequestPolicyCookiesConfig$ = [
      3,
      n0,
      _ORPCC,
      0,
      [_CBo, _Coo],
      [0, [() => CookieNames$, 0]],
      1
    ];
    var OriginRequestPolicyHeadersConfig$ = [
      3,
      n0,
      _ORPHC,
      0,
      [_HB, _H],
      [0, [() => Headers$, 0]],
      1
    ];
    var OriginRequestPolicyList$ = [
      3,
      n0,
      _ORPL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => OriginRequestPolicySummaryList, 0]],
      2
    ];
    var OriginRequestPolicyQueryStringsConfig$ = [
      3,
      n0,
      _ORPQSC,
      0,
      [_QSB, _QS],
      [0, [() => QueryStringNames$, 0]],
      1
    ];
    var OriginRequestPolicySummary$ = [
      3,
      n0,
      _ORPS,
      0,
      [_T, _ORP],
      [0, [() => OriginRequestPolicy$, 0]],
      2
    ];
    var Origins$ = [
      3,
      n0,
      _O,
      0,
      [_Q, _I],
      [1, [() => OriginList, 0]],
      2
    ];
    var OriginShield$ = [
      3,
      n0,
      _OS,
      0,
      [_E, _OSR],
      [2, 0],
      1
    ];
    var OriginSslProtocols$ = [
      3,
      n0,
      _OSP,
      0,
      [_Q, _I],
      [1, [() => SslProtocolsList, 0]],
      2
    ];
    var Parameter$ = [
      3,
      n0,
      _Par,
      0,
      [_N, _Va],
      [0, 0],
      2
    ];
    var ParameterDefinition$ = [
      3,
      n0,
      _PDa,
      0,
      [_N, _Def],
      [0, [() => ParameterDefinitionSchema$, 0]],
      2
    ];
    var ParameterDefinitionSchema$ = [
      3,
      n0,
      _PDS,
      0,
      [_SSt],
      [[() => StringSchemaConfig$, 0]]
    ];
    var ParametersInCacheKeyAndForwardedToOrigin$ = [
      3,
      n0,
      _PICKAFTO,
      0,
      [_EAEG, _HC, _CC, _QSC, _EAEB],
      [2, [() => CachePolicyHeadersConfig$, 0], [() => CachePolicyCookiesConfig$, 0], [() => CachePolicyQueryStringsConfig$, 0], 2],
      4
    ];
    var Paths$ = [
      3,
      n0,
      _Pa,
      0,
      [_Q, _I],
      [1, [() => PathList, 0]],
      1
    ];
    var PublicKey$ = [
      3,
      n0,
      _PK,
      0,
      [_Id, _CTr, _PKC],
      [0, 4, () => PublicKeyConfig$],
      3
    ];
    var PublicKeyConfig$ = [
      3,
      n0,
      _PKC,
      0,
      [_CR, _N, _EK, _Co],
      [0, 0, 0, 0],
      3
    ];
    var PublicKeyList$ = [
      3,
      n0,
      _PKL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => PublicKeySummaryList, 0]],
      2
    ];
    var PublicKeySummary$ = [
      3,
      n0,
      _PKS,
      0,
      [_Id, _N, _CTr, _EK, _Co],
      [0, 0, 4, 0, 0],
      4
    ];
    var PublishConnectionFunctionRequest$ = [
      3,
      n0,
      _PCFR,
      0,
      [_Id, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var PublishConnectionFunctionResult$ = [
      3,
      n0,
      _PCFRu,
      0,
      [_CFS],
      [[() => ConnectionFunctionSummary$, 16]]
    ];
    var PublishFunctionRequest$ = [
      3,
      n0,
      _PFR,
      0,
      [_N, _IM],
      [[0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var PublishFunctionResult$ = [
      3,
      n0,
      _PFRu,
      0,
      [_FS],
      [[() => FunctionSummary$, 16]]
    ];
    var PutResourcePolicyRequest$ = [
      3,
      n0,
      _PRPR,
      0,
      [_RA, _PD],
      [0, 0],
      2
    ];
    var PutResourcePolicyResult$ = [
      3,
      n0,
      _PRPRu,
      0,
      [_RA],
      [0]
    ];
    var QueryArgProfile$ = [
      3,
      n0,
      _QAP,
      0,
      [_QA, _PI],
      [0, 0],
      2
    ];
    var QueryArgProfileConfig$ = [
      3,
      n0,
      _QAPC,
      0,
      [_FWQAPIU, _QAPu],
      [2, [() => QueryArgProfiles$, 0]],
      1
    ];
    var QueryArgProfiles$ = [
      3,
      n0,
      _QAPu,
      0,
      [_Q, _I],
      [1, [() => QueryArgProfileList, 0]],
      1
    ];
    var QueryStringCacheKeys$ = [
      3,
      n0,
      _QSCK,
      0,
      [_Q, _I],
      [1, [() => QueryStringCacheKeysList, 0]],
      1
    ];
    var QueryStringNames$ = [
      3,
      n0,
      _QSN,
      0,
      [_Q, _I],
      [1, [() => QueryStringNamesList, 0]],
      1
    ];
    var RealtimeLogConfig$ = [
      3,
      n0,
      _RLC,
      0,
      [_ARN, _N, _SR, _EP, _Fi],
      [0, 0, 1, () => EndPointList, [() => FieldList, 0]],
      5
    ];
    var RealtimeLogConfigs$ = [
      3,
      n0,
      _RLCe,
      0,
      [_MI, _ITs, _Ma, _I, _NM],
      [1, 2, 0, [() => RealtimeLogConfigList, 0], 0],
      3
    ];
    var RealtimeMetricsSubscriptionConfig$ = [
      3,
      n0,
      _RMSC,
      0,
      [_RMSS],
      [0],
      1
    ];
    var ResponseHeadersPolicy$ = [
      3,
      n0,
      _RHP,
      0,
      [_Id, _LMT, _RHPC],
      [0, 4, [() => ResponseHeadersPolicyConfig$, 0]],
      3
    ];
    var ResponseHeadersPolicyAccessControlAllowHeaders$ = [
      3,
      n0,
      _RHPACAH,
      0,
      [_Q, _I],
      [1, [() => AccessControlAllowHeadersList, 0]],
      2
    ];
    var ResponseHeadersPolicyAccessControlAllowMethods$ = [
      3,
      n0,
      _RHPACAM,
      0,
      [_Q, _I],
      [1, [() => AccessControlAllowMethodsList, 0]],
      2
    ];
    var ResponseHeadersPolicyAccessControlAllowOrigins$ = [
      3,
      n0,
      _RHPACAO,
      0,
      [_Q, _I],
      [1, [() => AccessControlAllowOriginsList, 0]],
      2
    ];
    var ResponseHeadersPolicyAccessControlExposeHeaders$ = [
      3,
      n0,
      _RHPACEH,
      0,
      [_Q, _I],
      [1, [() => AccessControlExposeHeadersList, 0]],
      1
    ];
    var ResponseHeadersPolicyConfig$ = [
      3,
      n0,
      _RHPC,
      0,
      [_N, _Co, _CCo, _SHC, _STHC, _CHC, _RHC],
      [0, 0, [() => ResponseHeadersPolicyCorsConfig$, 0], () => ResponseHeadersPolicySecurityHeadersConfig$, () => ResponseHeadersPolicyServerTimingHeadersConfig$, [() => ResponseHeadersPolicyCustomHeadersConfig$, 0], [() => ResponseHeadersPolicyRemoveHeadersConfig$, 0]],
      1
    ];
    var ResponseHeadersPolicyContentSecurityPolicy$ = [
      3,
      n0,
      _RHPCSP,
      0,
      [_Ov, _CSP],
      [2, 0],
      2
    ];
    var ResponseHeadersPolicyContentTypeOptions$ = [
      3,
      n0,
      _RHPCTO,
      0,
      [_Ov],
      [2],
      1
    ];
    var ResponseHeadersPolicyCorsConfig$ = [
      3,
      n0,
      _RHPCC,
      0,
      [_ACAO, _ACAH, _ACAM, _ACAC, _OO, _ACEH, _ACMAS],
      [[() => ResponseHeadersPolicyAccessControlAllowOrigins$, 0], [() => ResponseHeadersPolicyAccessControlAllowHeaders$, 0], [() => ResponseHeadersPolicyAccessControlAllowMethods$, 0], 2, 2, [() => ResponseHeadersPolicyAccessControlExposeHeaders$, 0], 1],
      5
    ];
    var ResponseHeadersPolicyCustomHeader$ = [
      3,
      n0,
      _RHPCH,
      0,
      [_He, _Va, _Ov],
      [0, 0, 2],
      3
    ];
    var ResponseHeadersPolicyCustomHeadersConfig$ = [
      3,
      n0,
      _RHPCHC,
      0,
      [_Q, _I],
      [1, [() => ResponseHeadersPolicyCustomHeaderList, 0]],
      1
    ];
    var ResponseHeadersPolicyFrameOptions$ = [
      3,
      n0,
      _RHPFO,
      0,
      [_Ov, _FO],
      [2, 0],
      2
    ];
    var ResponseHeadersPolicyList$ = [
      3,
      n0,
      _RHPL,
      0,
      [_MI, _Q, _NM, _I],
      [1, 1, 0, [() => ResponseHeadersPolicySummaryList, 0]],
      2
    ];
    var ResponseHeadersPolicyReferrerPolicy$ = [
      3,
      n0,
      _RHPRP,
      0,
      [_Ov, _RP],
      [2, 0],
      2
    ];
    var ResponseHeadersPolicyRemoveHeader$ = [
      3,
      n0,
      _RHPRH,
      0,
      [_He],
      [0],
      1
    ];
    var ResponseHeadersPolicyRemoveHeadersConfig$ = [
      3,
      n0,
      _RHPRHC,
      0,
      [_Q, _I],
      [1, [() => ResponseHeadersPolicyRemoveHeaderList, 0]],
      1
    ];
    var ResponseHeadersPolicySecurityHeadersConfig$ = [
      3,
      n0,
      _RHPSHC,
      0,
      [_XSSP, _FOr, _RP, _CSP, _CTO, _STS],
      [() => ResponseHeadersPolicyXSSProtection$, () => ResponseHeadersPolicyFrameOptions$, () => ResponseHeadersPolicyReferrerPolicy$, () => ResponseHeadersPolicyContentSecurityPolicy$, () => ResponseHeadersPolicyContentTypeOptions$, () => ResponseHeadersPolicyStrictTransportSecurity$]
    ];
    var ResponseHeadersPolicyServerTimingHeadersConfig$ = [
      3,
      n0,
      _RHPSTHC,
      0,
      [_E, _SR],
      [2, 1],
      1
    ];
    var ResponseHeadersPolicyStrictTransportSecurity$ = [
      3,
      n0,
      _RHPSTS,
      0,
      [_Ov, _ACMAS, _ISnc, _Pre],
      [2, 1, 2, 2],
      2
    ];
    var ResponseHeadersPolicySummary$ = [
      3,
      n0,
      _RHPS,
      0,
      [_T, _RHP],
      [0, [() => ResponseHeadersPolicy$, 0]],
      2
    ];
    var ResponseHeadersPolicyXSSProtection$ = [
      3,
      n0,
      _RHPXSSP,
      0,
      [_Ov, _Pro, _MBo, _RU],
      [2, 2, 2, 0],
      2
    ];
    var Restrictions$ = [
      3,
      n0,
      _Re,
      0,
      [_GRe],
      [[() => GeoRestriction$, 0]],
      1
    ];
    var S3Origin$ = [
      3,
      n0,
      _SO,
      0,
      [_DN, _OAIr],
      [0, 0],
      2
    ];
    var S3OriginConfig$ = [
      3,
      n0,
      _SOC,
      0,
      [_OAIr, _ORT],
      [0, 1],
      1
    ];
    var SessionStickinessConfig$ = [
      3,
      n0,
      _SSC,
      0,
      [_ITTL, _MTTLax],
      [1, 1],
      2
    ];
    var Signer$ = [
      3,
      n0,
      _Si,
      0,
      [_AAN, _KPI],
      [0, [() => KeyPairIds$, 0]]
    ];
    var StagingDistributionDnsNames$ = [
      3,
      n0,
      _SDDN,
      0,
      [_Q, _I],
      [1, [() => StagingDistributionDnsNameList, 0]],
      1
    ];
    var StatusCodes$ = [
      3,
      n0,
      _SCt,
      0,
      [_Q, _I],
      [1, [() => StatusCodeList, 0]],
      2
    ];
    var StreamingDistribution$ = [
      3,
      n0,
      _SD,
      0,
      [_Id, _ARN, _S, _DN, _ATS, _SDC, _LMT],
      [0, 0, 0, 0, [() => ActiveTrustedSigners$, 0], [() => StreamingDistributionConfig$, 0], 4],
      6
    ];
    var StreamingDistributionConfig$ = [
      3,
      n0,
      _SDC,
      0,
      [_CR, _SO, _Co, _TS, _E, _A, _Lo, _PC],
      [0, () => S3Origin$, 0, [() => TrustedSigners$, 0], 2, [() => Aliases$, 0], () => StreamingLoggingConfig$, 0],
      5
    ];
    var StreamingDistributionConfigWithTags$ = [
      3,
      n0,
      _SDCWT,
      0,
      [_SDC, _Ta],
      [[() => StreamingDistributionConfig$, 0], [() => Tags$, 0]],
      2
    ];
    var StreamingDistributionList$ = [
      3,
      n0,
      _SDL,
      0,
      [_Ma, _MI, _ITs, _Q, _NM, _I],
      [0, 1, 2, 1, 0, [() => StreamingDistributionSummaryList, 0]],
      4
    ];
    var StreamingDistributionSummary$ = [
      3,
      n0,
      _SDS,
      0,
      [_Id, _ARN, _S, _LMT, _DN, _SO, _A, _TS, _Co, _PC, _E],
      [0, 0, 0, 4, 0, () => S3Origin$, [() => Aliases$, 0], [() => TrustedSigners$, 0], 0, 0, 2],
      11
    ];
    var StreamingLoggingConfig$ = [
      3,
      n0,
      _SLC,
      0,
      [_E, _B, _Pr],
      [2, 0, 0],
      3
    ];
    var StringSchemaConfig$ = [
      3,
      n0,
      _SSCt,
      0,
      [_Req, _Co, _DV],
      [2, [() => sensitiveStringType, 0], 0],
      1
    ];
    var Tag$ = [
      3,
      n0,
      _Tag,
      0,
      [_K, _Va],
      [0, 0],
      1
    ];
    var TagKeys$ = [
      3,
      n0,
      _TK,
      0,
      [_I],
      [[() => TagKeyList, 0]]
    ];
    var TagResourceRequest$ = [
      3,
      n0,
      _TRR,
      0,
      [_Res, _Ta],
      [[0, { [_hQ]: _Res }], [() => Tags$, { [_hP]: 1, [_xN]: _Ta }]],
      2
    ];
    var Tags$ = [
      3,
      n0,
      _Ta,
      0,
      [_I],
      [[() => TagList, 0]]
    ];
    var TenantConfig$ = [
      3,
      n0,
      _TCe,
      0,
      [_PDar],
      [[() => ParameterDefinitions, 0]]
    ];
    var TestConnectionFunctionRequest$ = [
      3,
      n0,
      _TCFR,
      0,
      [_Id, _IM, _CO, _St],
      [[0, 1], [0, { [_hH]: _IM_ }], [() => FunctionEventObject, 0], 0],
      3
    ];
    var TestConnectionFunctionResult$ = [
      3,
      n0,
      _TCFRe,
      0,
      [_CFTR],
      [[() => ConnectionFunctionTestResult$, 16]]
    ];
    var TestFunctionRequest$ = [
      3,
      n0,
      _TFR,
      0,
      [_N, _IM, _EO, _St],
      [[0, 1], [0, { [_hH]: _IM_ }], [() => FunctionEventObject, 0], 0],
      3
    ];
    var TestFunctionResult$ = [
      3,
      n0,
      _TFRe,
      0,
      [_TR],
      [[() => TestResult$, 16]]
    ];
    var TestResult$ = [
      3,
      n0,
      _TR,
      0,
      [_FS, _CU, _FEL, _FEM, _FOu],
      [[() => FunctionSummary$, 0], 0, [() => FunctionExecutionLogList, 0], [() => sensitiveStringType, 0], [() => sensitiveStringType, 0]]
    ];
    var TrafficConfig$ = [
      3,
      n0,
      _TC,
      0,
      [_T, _SWC, _SHCi],
      [0, () => ContinuousDeploymentSingleWeightConfig$, () => ContinuousDeploymentSingleHeaderConfig$],
      1
    ];
    var TrustedKeyGroups$ = [
      3,
      n0,
      _TKG,
      0,
      [_E, _Q, _I],
      [2, 1, [() => TrustedKeyGroupIdList, 0]],
      2
    ];
    var TrustedSigners$ = [
      3,
      n0,
      _TS,
      0,
      [_E, _Q, _I],
      [2, 1, [() => AwsAccountNumberList, 0]],
      2
    ];
    var TrustStore$ = [
      3,
      n0,
      _TSr,
      0,
      [_Id, _Ar, _N, _S, _NOCC, _LMT, _Rea, _UCCOCSPE],
      [0, 0, 0, 0, 1, 4, 0, 2]
    ];
    var TrustStoreConfig$ = [
      3,
      n0,
      _TSC,
      0,
      [_TSIr, _ATSCN, _ICE],
      [0, 2, 2],
      1
    ];
    var TrustStoreSummary$ = [
      3,
      n0,
      _TSS,
      0,
      [_Id, _Ar, _N, _S, _NOCC, _LMT, _ET, _Rea],
      [0, 0, 0, 0, 1, 4, 0, 0],
      7
    ];
    var UntagResourceRequest$ = [
      3,
      n0,
      _URR,
      0,
      [_Res, _TK],
      [[0, { [_hQ]: _Res }], [() => TagKeys$, { [_hP]: 1, [_xN]: _TK }]],
      2
    ];
    var UpdateAnycastIpListRequest$ = [
      3,
      n0,
      _UAILR,
      0,
      [_Id, _IM, _IAT, _ICC],
      [[0, 1], [0, { [_hH]: _IM_ }], 0, [() => IpamCidrConfigList, 0]],
      2
    ];
    var UpdateAnycastIpListResult$ = [
      3,
      n0,
      _UAILRp,
      0,
      [_AIL, _ET],
      [[() => AnycastIpList$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateCachePolicyRequest$ = [
      3,
      n0,
      _UCPR,
      0,
      [_CPC, _Id, _IM],
      [[() => CachePolicyConfig$, { [_hP]: 1, [_xN]: _CPC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateCachePolicyResult$ = [
      3,
      n0,
      _UCPRp,
      0,
      [_CP, _ET],
      [[() => CachePolicy$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateCloudFrontOriginAccessIdentityRequest$ = [
      3,
      n0,
      _UCFOAIR,
      0,
      [_CFOAIC, _Id, _IM],
      [[() => CloudFrontOriginAccessIdentityConfig$, { [_hP]: 1, [_xN]: _CFOAIC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateCloudFrontOriginAccessIdentityResult$ = [
      3,
      n0,
      _UCFOAIRp,
      0,
      [_CFOAI, _ET],
      [[() => CloudFrontOriginAccessIdentity$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateConnectionFunctionRequest$ = [
      3,
      n0,
      _UCFR,
      0,
      [_Id, _IM, _CFC, _CFCo],
      [[0, 1], [0, { [_hH]: _IM_ }], [() => FunctionConfig$, 0], [() => FunctionBlob, 0]],
      4
    ];
    var UpdateConnectionFunctionResult$ = [
      3,
      n0,
      _UCFRp,
      0,
      [_CFS, _ET],
      [[() => ConnectionFunctionSummary$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateConnectionGroupRequest$ = [
      3,
      n0,
      _UCGR,
      0,
      [_Id, _IM, _IE, _AILI, _E],
      [[0, 1], [0, { [_hH]: _IM_ }], 2, 0, 2],
      2
    ];
    var UpdateConnectionGroupResult$ = [
      3,
      n0,
      _UCGRp,
      0,
      [_CG, _ET],
      [[() => ConnectionGroup$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateContinuousDeploymentPolicyRequest$ = [
      3,
      n0,
      _UCDPR,
      0,
      [_CDPC, _Id, _IM],
      [[() => ContinuousDeploymentPolicyConfig$, { [_hP]: 1, [_xN]: _CDPC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateContinuousDeploymentPolicyResult$ = [
      3,
      n0,
      _UCDPRp,
      0,
      [_CDP, _ET],
      [[() => ContinuousDeploymentPolicy$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateDistributionRequest$ = [
      3,
      n0,
      _UDR,
      0,
      [_DC, _Id, _IM],
      [[() => DistributionConfig$, { [_hP]: 1, [_xN]: _DC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateDistributionResult$ = [
      3,
      n0,
      _UDRp,
      0,
      [_D, _ET],
      [[() => Distribution$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateDistributionTenantRequest$ = [
      3,
      n0,
      _UDTR,
      0,
      [_Id, _IM, _DI, _Do, _Cu, _P, _CGI, _MCR, _E],
      [[0, 1], [0, { [_hH]: _IM_ }], 0, () => DomainList, [() => Customizations$, 0], () => _Parameters, 0, () => ManagedCertificateRequest$, 2],
      2
    ];
    var UpdateDistributionTenantResult$ = [
      3,
      n0,
      _UDTRp,
      0,
      [_DT, _ET],
      [[() => DistributionTenant$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateDistributionWithStagingConfigRequest$ = [
      3,
      n0,
      _UDWSCR,
      0,
      [_Id, _SDI, _IM],
      [[0, 1], [0, { [_hQ]: _SDI }], [0, { [_hH]: _IM_ }]],
      1
    ];
    var UpdateDistributionWithStagingConfigResult$ = [
      3,
      n0,
      _UDWSCRp,
      0,
      [_D, _ET],
      [[() => Distribution$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateDomainAssociationRequest$ = [
      3,
      n0,
      _UDAR,
      0,
      [_Dom, _TRa, _IM],
      [0, () => DistributionResourceId$, [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateDomainAssociationResult$ = [
      3,
      n0,
      _UDARp,
      0,
      [_Dom, _RI, _ET],
      [0, 0, [0, { [_hH]: _ET }]]
    ];
    var UpdateFieldLevelEncryptionConfigRequest$ = [
      3,
      n0,
      _UFLECR,
      0,
      [_FLEC, _Id, _IM],
      [[() => FieldLevelEncryptionConfig$, { [_hP]: 1, [_xN]: _FLEC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateFieldLevelEncryptionConfigResult$ = [
      3,
      n0,
      _UFLECRp,
      0,
      [_FLE, _ET],
      [[() => FieldLevelEncryption$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateFieldLevelEncryptionProfileRequest$ = [
      3,
      n0,
      _UFLEPR,
      0,
      [_FLEPC, _Id, _IM],
      [[() => FieldLevelEncryptionProfileConfig$, { [_hP]: 1, [_xN]: _FLEPC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateFieldLevelEncryptionProfileResult$ = [
      3,
      n0,
      _UFLEPRp,
      0,
      [_FLEP, _ET],
      [[() => FieldLevelEncryptionProfile$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateFunctionRequest$ = [
      3,
      n0,
      _UFR,
      0,
      [_N, _IM, _FC, _FCu],
      [[0, 1], [0, { [_hH]: _IM_ }], [() => FunctionConfig$, 0], [() => FunctionBlob, 0]],
      4
    ];
    var UpdateFunctionResult$ = [
      3,
      n0,
      _UFRp,
      0,
      [_FS, _ET],
      [[() => FunctionSummary$, 16], [0, { [_hH]: _ETt }]]
    ];
    var UpdateKeyGroupRequest$ = [
      3,
      n0,
      _UKGR,
      0,
      [_KGC, _Id, _IM],
      [[() => KeyGroupConfig$, { [_hP]: 1, [_xN]: _KGC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateKeyGroupResult$ = [
      3,
      n0,
      _UKGRp,
      0,
      [_KG, _ET],
      [[() => KeyGroup$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateKeyValueStoreRequest$ = [
      3,
      n0,
      _UKVSR,
      0,
      [_N, _Co, _IM],
      [[0, 1], 0, [0, { [_hH]: _IM_ }]],
      3
    ];
    var UpdateKeyValueStoreResult$ = [
      3,
      n0,
      _UKVSRp,
      0,
      [_KVS, _ET],
      [[() => KeyValueStore$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateOriginAccessControlRequest$ = [
      3,
      n0,
      _UOACR,
      0,
      [_OACC, _Id, _IM],
      [[() => OriginAccessControlConfig$, { [_hP]: 1, [_xN]: _OACC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateOriginAccessControlResult$ = [
      3,
      n0,
      _UOACRp,
      0,
      [_OAC, _ET],
      [[() => OriginAccessControl$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateOriginRequestPolicyRequest$ = [
      3,
      n0,
      _UORPR,
      0,
      [_ORPC, _Id, _IM],
      [[() => OriginRequestPolicyConfig$, { [_hP]: 1, [_xN]: _ORPC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateOriginRequestPolicyResult$ = [
      3,
      n0,
      _UORPRp,
      0,
      [_ORP, _ET],
      [[() => OriginRequestPolicy$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdatePublicKeyRequest$ = [
      3,
      n0,
      _UPKR,
      0,
      [_PKC, _Id, _IM],
      [[() => PublicKeyConfig$, { [_hP]: 1, [_xN]: _PKC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdatePublicKeyResult$ = [
      3,
      n0,
      _UPKRp,
      0,
      [_PK, _ET],
      [[() => PublicKey$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateRealtimeLogConfigRequest$ = [
      3,
      n0,
      _URLCR,
      0,
      [_EP, _Fi, _N, _ARN, _SR],
      [() => EndPointList, [() => FieldList, 0], 0, 0, 1]
    ];
    var UpdateRealtimeLogConfigResult$ = [
      3,
      n0,
      _URLCRp,
      0,
      [_RLC],
      [[() => RealtimeLogConfig$, 0]]
    ];
    var UpdateResponseHeadersPolicyRequest$ = [
      3,
      n0,
      _URHPR,
      0,
      [_RHPC, _Id, _IM],
      [[() => ResponseHeadersPolicyConfig$, { [_hP]: 1, [_xN]: _RHPC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateResponseHeadersPolicyResult$ = [
      3,
      n0,
      _URHPRp,
      0,
      [_RHP, _ET],
      [[() => ResponseHeadersPolicy$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateStreamingDistributionRequest$ = [
      3,
      n0,
      _USDR,
      0,
      [_SDC, _Id, _IM],
      [[() => StreamingDistributionConfig$, { [_hP]: 1, [_xN]: _SDC }], [0, 1], [0, { [_hH]: _IM_ }]],
      2
    ];
    var UpdateStreamingDistributionResult$ = [
      3,
      n0,
      _USDRp,
      0,
      [_SD, _ET],
      [[() => StreamingDistribution$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateTrustStoreRequest$ = [
      3,
      n0,
      _UTSR,
      0,
      [_Id, _IM, _CCBS, _UCCOCSPE],
      [[0, 1], [0, { [_hH]: _IM_ }], [() => CaCertificatesBundleSource$, 16], [2, { [_hH]: _UCCOCSPE }]],
      2
    ];
    var UpdateTrustStoreResult$ = [
      3,
      n0,
      _UTSRp,
      0,
      [_TSr, _ET],
      [[() => TrustStore$, 16], [0, { [_hH]: _ET }]]
    ];
    var UpdateVpcOriginRequest$ = [
      3,
      n0,
      _UVOR,
      0,
      [_VOEC, _Id, _IM],
      [[() => VpcOriginEndpointConfig$, { [_hP]: 1, [_xN]: _VOEC }], [0, 1], [0, { [_hH]: _IM_ }]],
      3
    ];
    var UpdateVpcOriginResult$ = [
      3,
      n0,
      _UVORp,
      0,
      [_VO, _ET],
      [[() => VpcOrigin$, 16], [0, { [_hH]: _ET }]]
    ];
    var ValidationTokenDetail$ = [
      3,
      n0,
      _VTDa,
      0,
      [_Dom, _RTed, _RF],
      [0, 0, 0],
      1
    ];
    var VerifyDnsConfigurationRequest$ = [
      3,
      n0,
      _VDCR,
      0,
      [_Ide, _Dom],
      [0, 0],
      1
    ];
    var VerifyDnsConfigurationResult$ = [
      3,
      n0,
      _VDCRe,
      0,
      [_DCL],
      [[() => DnsConfigurationList, 0]]
    ];
    var ViewerCertificate$ = [
      3,
      n0,
      _VC,
      0,
      [_CFDC, _IAMCI, _ACMCA, _SSLSM, _MPV, _Ce, _CSe],
      [2, 0, 0, 0, 0, 0, 0]
    ];
    var ViewerMtlsConfig$ = [
      3,
      n0,
      _VMC,
      0,
      [_Mo, _TSC],
      [0, () => TrustStoreConfig$]
    ];
    var VpcOrigin$ = [
      3,
      n0,
      _VO,
      0,
      [_Id, _Ar, _S, _CTr, _LMT, _VOEC, _AIc],
      [0, 0, 0, 4, 4, [() => VpcOriginEndpointConfig$, 0], 0],
      6
    ];
    var VpcOriginConfig$ = [
      3,
      n0,
      _VOC,
      0,
      [_VOI, _OAI, _ORT, _OKT],
      [0, 0, 1, 1],
      1
    ];
    var VpcOriginEndpointConfig$ = [
      3,
      n0,
      _VOEC,
      0,
      [_N, _Ar, _HTTPP, _HTTPSP, _OPP, _OSP, _IAT],
      [0, 0, 1, 1, 0, [() => OriginSslProtocols$, 0], 0],
      5
    ];
    var VpcOriginList$ = [
      3,
      n0,
      _VOL,
      0,
      [_Ma, _MI, _ITs, _Q, _NM, _I],
      [0, 1, 2, 1, 0, [() => VpcOriginSummaryList, 0]],
      4
    ];
    var VpcOriginSummary$ = [
      3,
      n0,
      _VOS,
      0,
      [_Id, _N, _S, _CTr, _LMT, _Ar, _OEA, _AIc, _IAT],
      [0, 0, 0, 4, 4, 0, 0, 0, 0],
      7
    ];
    var WebAclCustomization$ = [
      3,
      n0,
      _WAC,
      0,
      [_Ac, _Ar],
      [0, 0],
      1
    ];
    var __Unit = "unit";
    var AccessControlAllowHeadersList = [
      1,
      n0,
      _ACAHL,
      0,
      [
        0,
        { [_xN]: _He }
      ]
    ];
    var AccessControlAllowMethodsList = [
      1,
      n0,
      _ACAML,
      0,
      [
        0,
        { [_xN]: _Met }
      ]
    ];
    var AccessControlAllowOriginsList = [
      1,
      n0,
      _ACAOL,
      0,
      [
        0,
        { [_xN]: _Or }
      ]
    ];
    var AccessControlExposeHeadersList = [
      1,
      n0,
      _ACEHL,
      0,
      [
        0,
        { [_xN]: _He }
      ]
    ];
    var AliasICPRecordals = [
      1,
      n0,
      _AICPRl,
      0,
      [
        () => AliasICPRecordal$,
        { [_xN]: _AICPR }
      ]
    ];
    var AliasList = [
      1,
      n0,
      _AL,
      0,
      [
        0,
        { [_xN]: _CNAME }
      ]
    ];
    var AnycastIpListSummaries = [
      1,
      n0,
      _AILSn,
      0,
      [
        () => AnycastIpListSummary$,
        { [_xN]: _AILS }
      ]
    ];
    var AnycastIps = [
      1,
      n0,
      _AI,
      0,
      [
        0,
        { [_xN]: _AIn }
      ]
    ];
    var AwsAccountNumberList = [
      1,
      n0,
      _AANL,
      0,
      [
        0,
        { [_xN]: _AAN }
      ]
    ];
    var CacheBehaviorList = [
      1,
      n0,
      _CBL,
      0,
      [
        () => CacheBehavior$,
        { [_xN]: _CB }
      ]
    ];
    var CachePolicySummaryList = [
      1,
      n0,
      _CPSL,
      0,
      [
        () => CachePolicySummary$,
        { [_xN]: _CPS }
      ]
    ];
    var CloudFrontOriginAccessIdentitySummaryList = [
      1,
      n0,
      _CFOAISL,
      0,
      [
        () => CloudFrontOriginAccessIdentitySummary$,
        { [_xN]: _CFOAIS }
      ]
    ];
    var ConflictingAliases = [
      1,
      n0,
      _CAon,
      0,
      [
        () => ConflictingAlias$,
        { [_xN]: _CA }
      ]
    ];
    var ConnectionFunctionSummaryList = [
      1,
      n0,
      _CFSL,
      0,
      [
        () => ConnectionFunctionSummary$,
        { [_xN]: _CFS }
      ]
    ];
    var ConnectionGroupSummaryList = [
      1,
      n0,
      _CGSL,
      0,
      [
        () => ConnectionGroupSummary$,
        { [_xN]: _CGS }
      ]
    ];
    var ContentTypeProfileList = [
      1,
      n0,
      _CTPL,
      0,
      [
        () => ContentTypeProfile$,
        { [_xN]: _CTP }
      ]
    ];
    var ContinuousDeploymentPolicySummaryList = [
      1,
      n0,
      _CDPSL,
      0,
      [
        () => ContinuousDeploymentPolicySummary$,
        { [_xN]: _CDPS }
      ]
    ];
    var CookieNameList = [
      1,
      n0,
      _CNL,
      0,
      [
        0,
        { [_xN]: _N }
      ]
    ];
    var CustomErrorResponseList = [
      1,
      n0,
      _CERL,
      0,
      [
        () => CustomErrorResponse$,
        { [_xN]: _CER }
      ]
    ];
    var DistributionIdListSummary = [
      1,
      n0,
      _DILS,
      0,
      [
        0,
        { [_xN]: _DI }
      ]
    ];
    var DistributionIdOwnerItemList = [
      1,
      n0,
      _DIOIL,
      0,
      [
        () => DistributionIdOwner$,
        { [_xN]: _DIO }
      ]
    ];
    var DistributionSummaryList = [
      1,
      n0,
      _DSL,
      0,
      [
        () => DistributionSummary$,
        { [_xN]: _DS }
      ]
    ];
    var DistributionTenantList = [
      1,
      n0,
      _DTL,
      0,
      [
        () => DistributionTenantSummary$,
        { [_xN]: _DTS }
      ]
    ];
    var DnsConfigurationList = [
      1,
      n0,
      _DCL,
      0,
      [
        () => DnsConfiguration$,
        { [_xN]: _DCn }
      ]
    ];
    var DomainConflictsList = [
      1,
      n0,
      _DCLo,
      0,
      [
        () => DomainConflict$,
        { [_xN]: _DCom }
      ]
    ];
    var DomainList = [
      1,
      n0,
      _DLo,
      0,
      () => DomainItem$
    ];
    var DomainResultList = [
      1,
      n0,
      _DRL,
      0,
      () => DomainResult$
    ];
    var EncryptionEntityList = [
      1,
      n0,
      _EEL,
      0,
      [
        () => EncryptionEntity$,
        { [_xN]: _EEn }
      ]
    ];
    var EndPointList = [
      1,
      n0,
      _EPL,
      0,
      () => EndPoint$
    ];
    var FieldLevelEncryptionProfileSummaryList = [
      1,
      n0,
      _FLEPSL,
      0,
      [
        () => FieldLevelEncryptionProfileSummary$,
        { [_xN]: _FLEPS }
      ]
    ];
    var FieldLevelEncryptionSummaryList = [
      1,
      n0,
      _FLESL,
      0,
      [
        () => FieldLevelEncryptionSummary$,
        { [_xN]: _FLES }
      ]
    ];
    var FieldList = [
      1,
      n0,
      _FLi,
      0,
      [
        0,
        { [_xN]: _Fie }
      ]
    ];
    var FieldPatternList = [
      1,
      n0,
      _FPL,
      0,
      [
        0,
        { [_xN]: _FPi }
      ]
    ];
    var FunctionAssociationList = [
      1,
      n0,
      _FAL,
      0,
      [
        () => FunctionAssociation$,
        { [_xN]: _FAu }
      ]
    ];
    var FunctionExecutionLogList = [
      1,
      n0,
      _FELL,
      8,
      0
    ];
    var FunctionSummaryList = [
      1,
      n0,
      _FSL,
      0,
      [
        () => FunctionSummary$,
        { [_xN]: _FS }
      ]
    ];
    var HeaderList = [
      1,
      n0,
      _HL,
      0,
      [
        0,
        { [_xN]: _N }
      ]
    ];
    var InvalidationSummaryList = [
      1,
      n0,
      _ISL,
      0,
      [
        () => InvalidationSummary$,
        { [_xN]: _ISn }
      ]
    ];
    var IpamCidrConfigList = [
      1,
      n0,
      _ICCL,
      0,
      [
        () => IpamCidrConfig$,
        { [_xN]: _ICCp }
      ]
    ];
    var KeyGroupSummaryList = [
      1,
      n0,
      _KGSL,
      0,
      [
        () => KeyGroupSummary$,
        { [_xN]: _KGS }
      ]
    ];
    var KeyPairIdList = [
      1,
      n0,
      _KPIL,
      0,
      [
        0,
        { [_xN]: _KPIe }
      ]
    ];
    var KeyValueStoreAssociationList = [
      1,
      n0,
      _KVSAL,
      0,
      [
        () => KeyValueStoreAssociation$,
        { [_xN]: _KVSAe }
      ]
    ];
    var KeyValueStoreSummaryList = [
      1,
      n0,
      _KVSSL,
      0,
      [
        () => KeyValueStore$,
        { [_xN]: _KVS }
      ]
    ];
    var KGKeyPairIdsList = [
      1,
      n0,
      _KGKPIL,
      0,
      [
        () => KGKeyPairIds$,
        { [_xN]: _KG }
      ]
    ];
    var LambdaFunctionAssociationList = [
      1,
      n0,
      _LFAL,
      0,
      [
        () => LambdaFunctionAssociation$,
        { [_xN]: _LFAa }
      ]
    ];
    var LocationList = [
      1,
      n0,
      _LL,
      0,
      [
        0,
        { [_xN]: _L }
      ]
    ];
    var MethodsList = [
      1,
      n0,
      _ML,
      0,
      [
        0,
        { [_xN]: _Met }
      ]
    ];
    var OriginAccessControlSummaryList = [
      1,
      n0,
      _OACSL,
      0,
      [
        () => OriginAccessControlSummary$,
        { [_xN]: _OACS }
      ]
    ];
    var OriginCustomHeadersList = [
      1,
      n0,
      _OCHL,
      0,
      [
        () => OriginCustomHeader$,
        { [_xN]: _OCH }
      ]
    ];
    var OriginGroupList = [
      1,
      n0,
      _OGL,
      0,
      [
        () => OriginGroup$,
        { [_xN]: _OGr }
      ]
    ];
    var OriginGroupMemberList = [
      1,
      n0,
      _OGML,
      0,
      [
        () => OriginGroupMember$,
        { [_xN]: _OGM }
      ]
    ];
    var OriginList = [
      1,
      n0,
      _OL,
      0,
      [
        () => Origin$,
        { [_xN]: _Or }
      ]
    ];
    var OriginRequestPolicySummaryList = [
      1,
      n0,
      _ORPSL,
      0,
      [
        () => OriginRequestPolicySummary$,
        { [_xN]: _ORPS }
      ]
    ];
    var ParameterDefinitions = [
      1,
      n0,
      _PDar,
      0,
      [
        () => ParameterDefinition$,
        0
      ]
    ];
    var _Parameters = [
      1,
      n0,
      _P,
      0,
      () => Parameter$
    ];
    var PathList = [
      1,
      n0,
      _PL,
      0,
      [
        0,
        { [_xN]: _Pat }
      ]
    ];
    var PublicKeyIdList = [
      1,
      n0,
      _PKIL,
      0,
      [
        0,
        { [_xN]: _PK }
      ]
    ];
    var PublicKeySummaryList = [
      1,
      n0,
      _PKSL,
      0,
      [
        () => PublicKeySummary$,
        { [_xN]: _PKS }
      ]
    ];
    var QueryArgProfileList = [
      1,
      n0,
      _QAPL,
      0,
      [
        () => QueryArgProfile$,
        { [_xN]: _QAP }
      ]
    ];
    var QueryStringCacheKeysList = [
      1,
      n0,
      _QSCKL,
      0,
      [
        0,
        { [_xN]: _N }
      ]
    ];
    var QueryStringNamesList = [
      1,
      n0,
      _QSNL,
      0,
      [
        0,
        { [_xN]: _N }
      ]
    ];
    var RealtimeLogConfigList = [
      1,
      n0,
      _RLCL,
      0,
      [
        () => RealtimeLogConfig$,
        0
      ]
    ];
    var ResponseHeadersPolicyCustomHeaderList = [
      1,
      n0,
      _RHPCHL,
      0,
      [
        () => ResponseHeadersPolicyCustomHeader$,
        { [_xN]: _RHPCH }
      ]
    ];
    var ResponseHeadersPolicyRemoveHeaderList = [
      1,
      n0,
      _RHPRHL,
      0,
      [
        () => ResponseHeadersPolicyRemoveHeader$,
        { [_xN]: _RHPRH }
      ]
    ];
    var ResponseHeadersPolicySummaryList = [
      1,
      n0,
      _RHPSL,
      0,
      [
        () => ResponseHeadersPolicySummary$,
        { [_xN]: _RHPS }
      ]
    ];
    var SignerList = [
      1,
      n0,
      _SL,
      0,
      [
        () => Signer$,
        { [_xN]: _Si }
      ]
    ];
    var SslProtocolsList = [
      1,
      n0,
      _SPL,
      0,
      [
        0,
        { [_xN]: _SPs }
      ]
    ];
    var StagingDistributionDnsNameList = [
      1,
      n0,
      _SDDNL,
      0,
      [
        0,
        { [_xN]: _DNn }
      ]
    ];
    var StatusCodeList = [
      1,
      n0,
      _SCL,
      0,
      [
        1,
        { [_xN]: _SCta }
      ]
    ];
    var StreamingDistributionSummaryList = [
      1,
      n0,
      _SDSL,
      0,
      [
        () => StreamingDistributionSummary$,
        { [_xN]: _SDS }
      ]
    ];
    var TagKeyList = [
      1,
      n0,
      _TKL,
      0,
      [
        0,
        { [_xN]: _K }
      ]
    ];
    var TagList = [
      1,
      n0,
      _TL,
      0,
      [
        () => Tag$,
        { [_xN]: _Tag }
      ]
    ];
    var TrustedKeyGroupIdList = [
      1,
      n0,
      _TKGIL,
      0,
      [
        0,
        { [_xN]: _KG }
      ]
    ];
    var TrustStoreList = [
      1,
      n0,
      _TSL,
      0,
      [
        () => TrustStoreSummary$,
        { [_xN]: _TSS }
      ]
    ];
    var ValidationTokenDetailList = [
      1,
      n0,
      _VTDL,
      0,
      () => ValidationTokenDetail$
    ];
    var VpcOriginSummaryList = [
      1,
      n0,
      _VOSL,
      0,
      [
        () => VpcOriginSummary$,
        { [_xN]: _VOS }
      ]
    ];
    var CaCertificatesBundleSource$ = [
      4,
      n0,
      _CCBS,
      0,
      [_CCBSL],
      [() => CaCertificatesBundleS3Location$]
    ];
    var AssociateAlias$ = [
      9,
      n0,
      _AA,
      { [_h]: ["PUT", "/2020-05-31/distribution/{TargetDistributionId}/associate-alias", 200] },
      () => AssociateAliasRequest$,
      () => __Unit
    ];
    var AssociateDistributionTenantWebACL$ = [
      9,
      n0,
      _ADTWACL,
      { [_h]: ["PUT", "/2020-05-31/distribution-tenant/{Id}/associate-web-acl", 200] },
      () => AssociateDistributionTenantWebACLRequest$,
      () => AssociateDistributionTenantWebACLResult$
    ];
    var AssociateDistributionWebACL$ = [
      9,
      n0,
      _ADWACL,
      { [_h]: ["PUT", "/2020-05-31/distribution/{Id}/associate-web-acl", 200] },
      () => AssociateDistributionWebACLRequest$,
      () => AssociateDistributionWebACLResult$
    ];
    var CopyDistribution$ = [
      9,
      n0,
      _CD,
      { [_h]: ["POST", "/2020-05-31/distribution/{PrimaryDistributionId}/copy", 201] },
      () => CopyDistributionRequest$,
      () => CopyDistributionResult$
    ];
    var CreateAnycastIpList$ = [
      9,
      n0,
      _CAIL,
      { [_h]: ["POST", "/2020-05-31/anycast-ip-list", 202] },
      () => CreateAnycastIpListRequest$,
      () => CreateAnycastIpListResult$
    ];
    var CreateCachePolicy$ = [
      9,
      n0,
      _CCP,
      { [_h]: ["POST", "/2020-05-31/cache-policy", 201] },
      () => CreateCachePolicyRequest$,
      () => CreateCachePolicyResult$
    ];
    var CreateCloudFrontOriginAccessIdentity$ = [
      9,
      n0,
      _CCFOAI,
      { [_h]: ["POST", "/2020-05-31/origin-access-identity/cloudfront", 201] },
      () => CreateCloudFrontOriginAccessIdentityRequest$,
      () => CreateCloudFrontOriginAccessIdentityResult$
    ];
    var CreateConnectionFunction$ = [
      9,
      n0,
      _CCF,
      { [_h]: ["POST", "/2020-05-31/connection-function", 201] },
      () => CreateConnectionFunctionRequest$,
      () => CreateConnectionFunctionResult$
    ];
    var CreateConnectionGroup$ = [
      9,
      n0,
      _CCG,
      { [_h]: ["POST", "/2020-05-31/connection-group", 201] },
      () => CreateConnectionGroupRequest$,
      () => CreateConnectionGroupResult$
    ];
    var CreateContinuousDeploymentPolicy$ = [
      9,
      n0,
      _CCDP,
      { [_h]: ["POST", "/2020-05-31/continuous-deployment-policy", 201] },
      () => CreateContinuousDeploymentPolicyRequest$,
      () => CreateContinuousDeploymentPolicyResult$
    ];
    var CreateDistribution$ = [
      9,
      n0,
      _CDr,
      { [_h]: ["POST", "/2020-05-31/distribution", 201] },
      () => CreateDistributionRequest$,
      () => CreateDistributionResult$
    ];
    var CreateDistributionTenant$ = [
      9,
      n0,
      _CDT,
      { [_h]: ["POST", "/2020-05-31/distribution-tenant", 201] },
      () => CreateDistributionTenantRequest$,
      () => CreateDistributionTenantResult$
    ];
    var CreateDistributionWithTags$ = [
      9,
      n0,
      _CDWT,
      { [_h]: ["POST", "/2020-05-31/distribution?WithTags", 201] },
      () => CreateDistributionWithTagsRequest$,
      () => CreateDistributionWithTagsResult$
    ];
    var CreateFieldLevelEncryptionConfig$ = [
      9,
      n0,
      _CFLEC,
      { [_h]: ["POST", "/2020-05-31/field-level-encryption", 201] },
      () => CreateFieldLevelEncryptionConfigRequest$,
      () => CreateFieldLevelEncryptionConfigResult$
    ];
    var CreateFieldLevelEncryptionProfile$ = [
      9,
      n0,
      _CFLEP,
      { [_h]: ["POST", "/2020-05-31/field-level-encryption-profile", 201] },
      () => CreateFieldLevelEncryptionProfileRequest$,
      () => CreateFieldLevelEncryptionProfileResult$
    ];
    var CreateFunction$ = [
      9,
      n0,
      _CFr,
      { [_h]: ["POST", "/2020-05-31/function", 201] },
      () => CreateFunctionRequest$,
      () => CreateFunctionResult$
    ];
    var CreateInvalidation$ = [
      9,
      n0,
      _CI,
      { [_h]: ["POST", "/2020-05-31/distribution/{DistributionId}/invalidation", 201] },
      () => CreateInvalidationRequest$,
      () => CreateInvalidationResult$
    ];
    var CreateInvalidationForDistributionTenant$ = [
      9,
      n0,
      _CIFDT,
      { [_h]: ["POST", "/2020-05-31/distribution-tenant/{Id}/invalidation", 201] },
      () => CreateInvalidationForDistributionTenantRequest$,
      () => CreateInvalidationForDistributionTenantResult$
    ];
    var CreateKeyGroup$ = [
      9,
      n0,
      _CKG,
      { [_h]: ["POST", "/2020-05-31/key-group", 201] },
      () => CreateKeyGroupRequest$,
      () => CreateKeyGroupResult$
    ];
    var CreateKeyValueStore$ = [
      9,
      n0,
      _CKVS,
      { [_h]: ["POST", "/2020-05-31/key-value-store", 201] },
      () => CreateKeyValueStoreRequest$,
      () => CreateKeyValueStoreResult$
    ];
    var CreateMonitoringSubscription$ = [
      9,
      n0,
      _CMS,
      { [_h]: ["POST", "/2020-05-31/distributions/{DistributionId}/monitoring-subscription", 200] },
      () => CreateMonitoringSubscriptionRequest$,
      () => CreateMonitoringSubscriptionResult$
    ];
    var CreateOriginAccessControl$ = [
      9,
      n0,
      _COAC,
      { [_h]: ["POST", "/2020-05-31/origin-access-control", 201] },
      () => CreateOriginAccessControlRequest$,
      () => CreateOriginAccessControlResult$
    ];
    var CreateOriginRequestPolicy$ = [
      9,
      n0,
      _CORP,
      { [_h]: ["POST", "/2020-05-31/origin-request-policy", 201] },
      () => CreateOriginRequestPolicyRequest$,
      () => CreateOriginRequestPolicyResult$
    ];
    var CreatePublicKey$ = [
      9,
      n0,
      _CPK,
      { [_h]: ["POST", "/2020-05-31/public-key", 201] },
      () => CreatePublicKeyRequest$,
      () => CreatePublicKeyResult$
    ];
    var CreateRealtimeLogConfig$ = [
      9,
      n0,
      _CRLC,
      { [_h]: ["POST", "/2020-05-31/realtime-log-config", 201] },
      () => CreateRealtimeLogConfigRequest$,
      () => CreateRealtimeLogConfigResult$
    ];
    var CreateResponseHeadersPolicy$ = [
      9,
      n0,
      _CRHP,
      { [_h]: ["POST", "/2020-05-31/response-headers-policy", 201] },
      () => CreateResponseHeadersPolicyRequest$,
      () => CreateResponseHeadersPolicyResult$
    ];
    var CreateStreamingDistribution$ = [
      9,
      n0,
      _CSD,
      { [_h]: ["POST", "/2020-05-31/streaming-distribution", 201] },
      () => CreateStreamingDistributionRequest$,
      () => CreateStreamingDistributionResult$
    ];
    var CreateStreamingDistributionWithTags$ = [
      9,
      n0,
      _CSDWT,
      { [_h]: ["POST", "/2020-05-31/streaming-distribution?WithTags", 201] },
      () => CreateStreamingDistributionWithTagsRequest$,
      () => CreateStreamingDistributionWithTagsResult$
    ];
    var CreateTrustStore$ = [
      9,
      n0,
      _CTS,
      { [_h]: ["POST", "/2020-05-31/trust-store", 201] },
      () => CreateTrustStoreRequest$,
      () => CreateTrustStoreResult$
    ];
    var CreateVpcOrigin$ = [
      9,
      n0,
      _CVO,
      { [_h]: ["POST", "/2020-05-31/vpc-origin", 202] },
      () => CreateVpcOriginRequest$,
      () => CreateVpcOriginResult$
    ];
    var DeleteAnycastIpList$ = [
      9,
      n0,
      _DAIL,
      { [_h]: ["DELETE", "/2020-05-31/anycast-ip-list/{Id}", 204] },
      () => DeleteAnycastIpListRequest$,
      () => __Unit
    ];
    var DeleteCachePolicy$ = [
      9,
      n0,
      _DCP,
      { [_h]: ["DELETE", "/2020-05-31/cache-policy/{Id}", 204] },
      () => DeleteCachePolicyRequest$,
      () => __Unit
    ];
    var DeleteCloudFrontOriginAccessIdentity$ = [
      9,
      n0,
      _DCFOAI,
      { [_h]: ["DELETE", "/2020-05-31/origin-access-identity/cloudfront/{Id}", 204] },
      () => DeleteCloudFrontOriginAccessIdentityRequest$,
      () => __Unit
    ];
    var DeleteConnectionFunction$ = [
      9,
      n0,
      _DCF,
      { [_h]: ["DELETE", "/2020-05-31/connection-function/{Id}", 204] },
      () => DeleteConnectionFunctionRequest$,
      () => __Unit
    ];
    var DeleteConnectionGroup$ = [
      9,
      n0,
      _DCG,
      { [_h]: ["DELETE", "/2020-05-31/connection-group/{Id}", 204] },
      () => DeleteConnectionGroupRequest$,
      () => __Unit
    ];
    var DeleteContinuousDeploymentPolicy$ = [
      9,
      n0,
      _DCDP,
      { [_h]: ["DELETE", "/2020-05-31/continuous-deployment-policy/{Id}", 204] },
      () => DeleteContinuousDeploymentPolicyRequest$,
      () => __Unit
    ];
    var DeleteDistribution$ = [
      9,
      n0,
      _DD,
      { [_h]: ["DELETE", "/2020-05-31/distribution/{Id}", 204] },
      () => DeleteDistributionRequest$,
      () => __Unit
    ];
    var DeleteDistributionTenant$ = [
      9,
      n0,
      _DDT,
      { [_h]: ["DELETE", "/2020-05-31/distribution-tenant/{Id}", 204] },
      () => DeleteDistributionTenantRequest$,
      () => __Unit
    ];
    var DeleteFieldLevelEncryptionConfig$ = [
      9,
      n0,
      _DFLEC,
      { [_h]: ["DELETE", "/2020-05-31/field-level-encryption/{Id}", 204] },
      () => DeleteFieldLevelEncryptionConfigRequest$,
      () => __Unit
    ];
    var DeleteFieldLevelEncryptionProfile$ = [
      9,
      n0,
      _DFLEP,
      { [_h]: ["DELETE", "/2020-05-31/field-level-encryption-profile/{Id}", 204] },
      () => DeleteFieldLevelEncryptionProfileRequest$,
      () => __Unit
    ];
    var DeleteFunction$ = [
      9,
      n0,
      _DF,
      { [_h]: ["DELETE", "/2020-05-31/function/{Name}", 204] },
      () => DeleteFunctionRequest$,
      () => __Unit
    ];
    var DeleteKeyGroup$ = [
      9,
      n0,
      _DKG,
      { [_h]: ["DELETE", "/2020-05-31/key-group/{Id}", 204] },
      () => DeleteKeyGroupRequest$,
      () => __Unit
    ];
    var DeleteKeyValueStore$ = [
      9,
      n0,
      _DKVS,
      { [_h]: ["DELETE", "/2020-05-31/key-value-store/{Name}", 204] },
      () => DeleteKeyValueStoreRequest$,
      () => __Unit
    ];
    var DeleteMonitoringSubscription$ = [
      9,
      n0,
      _DMS,
      { [_h]: ["DELETE", "/2020-05-31/distributions/{DistributionId}/monitoring-subscription", 200] },
      () => DeleteMonitoringSubscriptionRequest$,
      () => DeleteMonitoringSubscriptionResult$
    ];
    var DeleteOriginAccessControl$ = [
      9,
      n0,
      _DOAC,
      { [_h]: ["DELETE", "/2020-05-31/origin-access-control/{Id}", 204] },
      () => DeleteOriginAccessControlRequest$,
      () => __Unit
    ];
    var DeleteOriginRequestPolicy$ = [
      9,
      n0,
      _DORP,
      { [_h]: ["DELETE", "/2020-05-31/origin-request-policy/{Id}", 204] },
      () => DeleteOriginRequestPolicyRequest$,
      () => __Unit
    ];
    var DeletePublicKey$ = [
      9,
      n0,
      _DPK,
      { [_h]: ["DELETE", "/2020-05-31/public-key/{Id}", 204] },
      () => DeletePublicKeyRequest$,
      () => __Unit
    ];
    var DeleteRealtimeLogConfig$ = [
      9,
      n0,
      _DRLC,
      { [_h]: ["POST", "/2020-05-31/delete-realtime-log-config", 204] },
      () => DeleteRealtimeLogConfigRequest$,
      () => __Unit
    ];
    var DeleteResourcePolicy$ = [
      9,
      n0,
      _DRP,
      { [_h]: ["POST", "/2020-05-31/delete-resource-policy", 200] },
      () => DeleteResourcePolicyRequest$,
      () => __Unit
    ];
    var DeleteResponseHeadersPolicy$ = [
      9,
      n0,
      _DRHP,
      { [_h]: ["DELETE", "/2020-05-31/response-headers-policy/{Id}", 204] },
      () => DeleteResponseHeadersPolicyRequest$,
      () => __Unit
    ];
    var DeleteStreamingDistribution$ = [
      9,
      n0,
      _DSD,
      { [_h]: ["DELETE", "/2020-05-31/streaming-distribution/{Id}", 204] },
      () => DeleteStreamingDistributionRequest$,
      () => __Unit
    ];
    var DeleteTrustStore$ = [
      9,
      n0,
      _DTSe,
      { [_h]: ["DELETE", "/2020-05-31/trust-store/{Id}", 204] },
      () => DeleteTrustStoreRequest$,
      () => __Unit
    ];
    var DeleteVpcOrigin$ = [
      9,
      n0,
      _DVO,
      { [_h]: ["DELETE", "/2020-05-31/vpc-origin/{Id}", 202] },
      () => DeleteVpcOriginRequest$,
      () => DeleteVpcOriginResult$
    ];
    var DescribeConnectionFunction$ = [
      9,
      n0,
      _DCFe,
      { [_h]: ["GET", "/2020-05-31/connection-function/{Identifier}/describe", 200] },
      () => DescribeConnectionFunctionRequest$,
      () => DescribeConnectionFunctionResult$
    ];
    var DescribeFunction$ = [
      9,
      n0,
      _DFe,
      { [_h]: ["GET", "/2020-05-31/function/{Name}/describe", 200] },
      () => DescribeFunctionRequest$,
      () => DescribeFunctionResult$
    ];
    var DescribeKeyValueStore$ = [
      9,
      n0,
      _DKVSe,
      { [_h]: ["GET", "/2020-05-31/key-value-store/{Name}", 200] },
      () => DescribeKeyValueStoreRequest$,
      () => DescribeKeyValueStoreResult$
    ];
    var DisassociateDistributionTenantWebACL$ = [
      9,
      n0,
      _DDTWACL,
      { [_h]: ["PUT", "/2020-05-31/distribution-tenant/{Id}/disassociate-web-acl", 200] },
      () => DisassociateDistributionTenantWebACLRequest$,
      () => DisassociateDistributionTenantWebACLResult$
    ];
    var DisassociateDistributionWebACL$ = [
      9,
      n0,
      _DDWACL,
      { [_h]: ["PUT", "/2020-05-31/distribution/{Id}/disassociate-web-acl", 200] },
      () => DisassociateDistributionWebACLRequest$,
      () => DisassociateDistributionWebACLResult$
    ];
    var GetAnycastIpList$ = [
      9,
      n0,
      _GAIL,
      { [_h]: ["GET", "/2020-05-31/anycast-ip-list/{Id}", 200] },
      () => GetAnycastIpListRequest$,
      () => GetAnycastIpListResult$
    ];
    var GetCachePolicy$ = [
      9,
      n0,
      _GCP,
      { [_h]: ["GET", "/2020-05-31/cache-policy/{Id}", 200] },
      () => GetCachePolicyRequest$,
      () => GetCachePolicyResult$
    ];
    var GetCachePolicyConfig$ = [
      9,
      n0,
      _GCPC,
      { [_h]: ["GET", "/2020-05-31/cache-policy/{Id}/config", 200] },
      () => GetCachePolicyConfigRequest$,
      () => GetCachePolicyConfigResult$
    ];
    var GetCloudFrontOriginAccessIdentity$ = [
      9,
      n0,
      _GCFOAI,
      { [_h]: ["GET", "/2020-05-31/origin-access-identity/cloudfront/{Id}", 200] },
      () => GetCloudFrontOriginAccessIdentityRequest$,
      () => GetCloudFrontOriginAccessIdentityResult$
    ];
    var GetCloudFrontOriginAccessIdentityConfig$ = [
      9,
      n0,
      _GCFOAIC,
      { [_h]: ["GET", "/2020-05-31/origin-access-identity/cloudfront/{Id}/config", 200] },
      () => GetCloudFrontOriginAccessIdentityConfigRequest$,
      () => GetCloudFrontOriginAccessIdentityConfigResult$
    ];
    var GetConnectionFunction$ = [
      9,
      n0,
      _GCF,
      { [_h]: ["GET", "/2020-05-31/connection-function/{Identifier}", 200] },
      () => GetConnectionFunctionRequest$,
      () => GetConnectionFunctionResult$
    ];
    var GetConnectionGroup$ = [
      9,
      n0,
      _GCG,
      { [_h]: ["GET", "/2020-05-31/connection-group/{Identifier}", 200] },
      () => GetConnectionGroupRequest$,
      () => GetConnectionGroupResult$
    ];
    var GetConnectionGroupByRoutingEndpoint$ = [
      9,
      n0,
      _GCGBRE,
      { [_h]: ["GET", "/2020-05-31/connection-group", 200] },
      () => GetConnectionGroupByRoutingEndpointRequest$,
      () => GetConnectionGroupByRoutingEndpointResult$
    ];
    var GetContinuousDeploymentPolicy$ = [
      9,
      n0,
      _GCDP,
      { [_h]: ["GET", "/2020-05-31/continuous-deployment-policy/{Id}", 200] },
      () => GetContinuousDeploymentPolicyRequest$,
      () => GetContinuousDeploymentPolicyResult$
    ];
    var GetContinuousDeploymentPolicyConfig$ = [
      9,
      n0,
      _GCDPC,
      { [_h]: ["GET", "/2020-05-31/continuous-deployment-policy/{Id}/config", 200] },
      () => GetContinuousDeploymentPolicyConfigRequest$,
      () => GetContinuousDeploymentPolicyConfigResult$
    ];
    var GetDistribution$ = [
      9,
      n0,
      _GD,
      { [_h]: ["GET", "/2020-05-31/distribution/{Id}", 200] },
      () => GetDistributionRequest$,
      () => GetDistributionResult$
    ];
    var GetDistributionConfig$ = [
      9,
      n0,
      _GDC,
      { [_h]: ["GET", "/2020-05-31/distribution/{Id}/config", 200] },
      () => GetDistributionConfigRequest$,
      () => GetDistributionConfigResult$
    ];
    var GetDistributionTenant$ = [
      9,
      n0,
      _GDT,
      { [_h]: ["GET", "/2020-05-31/distribution-tenant/{Identifier}", 200] },
      () => GetDistributionTenantRequest$,
      () => GetDistributionTenantResult$
    ];
    var GetDistributionTenantByDomain$ = [
      9,
      n0,
      _GDTBD,
      { [_h]: ["GET", "/2020-05-31/distribution-tenant", 200] },
      () => GetDistributionTenantByDomainRequest$,
      () => GetDistributionTenantByDomainResult$
    ];
    var GetFieldLevelEncryption$ = [
      9,
      n0,
      _GFLE,
      { [_h]: ["GET", "/2020-05-31/field-level-encryption/{Id}", 200] },
      () => GetFieldLevelEncryptionRequest$,
      () => GetFieldLevelEncryptionResult$
    ];
    var GetFieldLevelEncryptionConfig$ = [
      9,
      n0,
      _GFLEC,
      { [_h]: ["GET", "/2020-05-31/field-level-encryption/{Id}/config", 200] },
      () => GetFieldLevelEncryptionConfigRequest$,
      () => GetFieldLevelEncryptionConfigResult$
    ];
    var GetFieldLevelEncryptionProfile$ = [
      9,
      n0,
      _GFLEP,
      { [_h]: ["GET", "/2020-05-31/field-level-encryption-profile/{Id}", 200] },
      () => GetFieldLevelEncryptionProfileRequest$,
      () => GetFieldLevelEncryptionProfileResult$
    ];
    var GetFieldLevelEncryptionProfileConfig$ = [
      9,
      n0,
      _GFLEPC,
      { [_h]: ["GET", "/2020-05-31/field-level-encryption-profile/{Id}/config", 200] },
      () => GetFieldLevelEncryptionProfileConfigRequest$,
      () => GetFieldLevelEncryptionProfileConfigResult$
    ];
    var GetFunction$ = [
      9,
      n0,
      _GF,
      { [_h]: ["GET", "/2020-05-31/function/{Name}", 200] },
      () => GetFunctionRequest$,
      () => GetFunctionResult$
    ];
    var GetInvalidation$ = [
      9,
      n0,
      _GI,
      { [_h]: ["GET", "/2020-05-31/distribution/{DistributionId}/invalidation/{Id}", 200] },
      () => GetInvalidationRequest$,
      () => GetInvalidationResult$
    ];
    var GetInvalidationForDistributionTenant$ = [
      9,
      n0,
      _GIFDT,
      { [_h]: ["GET", "/2020-05-31/distribution-tenant/{DistributionTenantId}/invalidation/{Id}", 200] },
      () => GetInvalidationForDistributionTenantRequest$,
      () => GetInvalidationForDistributionTenantResult$
    ];
    var GetKeyGroup$ = [
      9,
      n0,
      _GKG,
      { [_h]: ["GET", "/2020-05-31/key-group/{Id}", 200] },
      () => GetKeyGroupRequest$,
      () => GetKeyGroupResult$
    ];
    var GetKeyGroupConfig$ = [
      9,
      n0,
      _GKGC,
      { [_h]: ["GET", "/2020-05-31/key-group/{Id}/config", 200] },
      () => GetKeyGroupConfigRequest$,
      () => GetKeyGroupConfigResult$
    ];
    var GetManagedCertificateDetails$ = [
      9,
      n0,
      _GMCD,
      { [_h]: ["GET", "/2020-05-31/managed-certificate/{Identifier}", 200] },
      () => GetManagedCertificateDetailsRequest$,
      () => GetManagedCertificateDetailsResult$
    ];
    var GetMonitoringSubscription$ = [
      9,
      n0,
      _GMS,
      { [_h]: ["GET", "/2020-05-31/distributions/{DistributionId}/monitoring-subscription", 200] },
      () => GetMonitoringSubscriptionRequest$,
      () => GetMonitoringSubscriptionResult$
    ];
    var GetOriginAccessControl$ = [
      9,
      n0,
      _GOAC,
      { [_h]: ["GET", "/2020-05-31/origin-access-control/{Id}", 200] },
      () => GetOriginAccessControlRequest$,
      () => GetOriginAccessControlResult$
    ];
    var GetOriginAccessControlConfig$ = [
      9,
      n0,
      _GOACC,
      { [_h]: ["GET", "/2020-05-31/origin-access-control/{Id}/config", 200] },
      () => GetOriginAccessControlConfigRequest$,
      () => GetOriginAccessControlConfigResult$
    ];
    var GetOriginRequestPolicy$ = [
      9,
      n0,
      _GORP,
      { [_h]: ["GET", "/2020-05-31/origin-request-policy/{Id}", 200] },
      () => GetOriginRequestPolicyRequest$,
      () => GetOriginRequestPolicyResult$
    ];
    var GetOriginRequestPolicyConfig$ = [
      9,
      n0,
      _GORPC,
      { [_h]: ["GET", "/2020-05-31/origin-request-policy/{Id}/config", 200] },
      () => GetOriginRequestPolicyConfigRequest$,
      () => GetOriginRequestPolicyConfigResult$
    ];
    var GetPublicKey$ = [
      9,
      n0,
      _GPK,
      { [_h]: ["GET", "/2020-05-31/public-key/{Id}", 200] },
      () => GetPublicKeyRequest$,
      () => GetPublicKeyResult$
    ];
    var GetPublicKeyConfig$ = [
      9,
      n0,
      _GPKC,
      { [_h]: ["GET", "/2020-05-31/public-key/{Id}/config", 200] },
      () => GetPublicKeyConfigRequest$,
      () => GetPublicKeyConfigResult$
    ];
    var GetRealtimeLogConfig$ = [
      9,
      n0,
      _GRLC,
      { [_h]: ["POST", "/2020-05-31/get-realtime-log-config", 200] },
      () => GetRealtimeLogConfigRequest$,
      () => GetRealtimeLogConfigResult$
    ];
    var GetResourcePolicy$ = [
      9,
      n0,
      _GRP,
      { [_h]: ["POST", "/2020-05-31/get-resource-policy", 200] },
      () => GetResourcePolicyRequest$,
      () => GetResourcePolicyResult$
    ];
    var GetResponseHeadersPolicy$ = [
      9,
      n0,
      _GRHP,
      { [_h]: ["GET", "/2020-05-31/response-headers-policy/{Id}", 200] },
      () => GetResponseHeadersPolicyRequest$,
      () => GetResponseHeadersPolicyResult$
    ];
    var GetResponseHeadersPolicyConfig$ = [
      9,
      n0,
      _GRHPC,
      { [_h]: ["GET", "/2020-05-31/response-headers-policy/{Id}/config", 200] },
      () => GetResponseHeadersPolicyConfigRequest$,
      () => GetResponseHeadersPolicyConfigResult$
    ];
    var GetStreamingDistribution$ = [
      9,
      n0,
      _GSD,
      { [_h]: ["GET", "/2020-05-31/streaming-distribution/{Id}", 200] },
      () => GetStreamingDistributionRequest$,
      () => GetStreamingDistributionResult$
    ];
    var GetStreamingDistributionConfig$ = [
      9,
      n0,
      _GSDC,
      { [_h]: ["GET", "/2020-05-31/streaming-distribution/{Id}/config", 200] },
      () => GetStreamingDistributionConfigRequest$,
      () => GetStreamingDistributionConfigResult$
    ];
    var GetTrustStore$ = [
      9,
      n0,
      _GTS,
      { [_h]: ["GET", "/2020-05-31/trust-store/{Identifier}", 200] },
      () => GetTrustStoreRequest$,
      () => GetTrustStoreResult$
    ];
    var GetVpcOrigin$ = [
      9,
      n0,
      _GVO,
      { [_h]: ["GET", "/2020-05-31/vpc-origin/{Id}", 200] },
      () => GetVpcOriginRequest$,
      () => GetVpcOriginResult$
    ];
    var ListAnycastIpLists$ = [
      9,
      n0,
      _LAIL,
      { [_h]: ["GET", "/2020-05-31/anycast-ip-list", 200] },
      () => ListAnycastIpListsRequest$,
      () => ListAnycastIpListsResult$
    ];
    var ListCachePolicies$ = [
      9,
      n0,
      _LCP,
      { [_h]: ["GET", "/2020-05-31/cache-policy", 200] },
      () => ListCachePoliciesRequest$,
      () => ListCachePoliciesResult$
    ];
    var ListCloudFrontOriginAccessIdentities$ = [
      9,
      n0,
      _LCFOAI,
      { [_h]: ["GET", "/2020-05-31/origin-access-identity/cloudfront", 200] },
      () => ListCloudFrontOriginAccessIdentitiesRequest$,
      () => ListCloudFrontOriginAccessIdentitiesResult$
    ];
    var ListConflictingAliases$ = [
      9,
      n0,
      _LCA,
      { [_h]: ["GET", "/2020-05-31/conflicting-alias", 200] },
      () => ListConflictingAliasesRequest$,
      () => ListConflictingAliasesResult$
    ];
    var ListConnectionFunctions$ = [
      9,
      n0,
      _LCF,
      { [_h]: ["POST", "/2020-05-31/connection-functions", 200] },
      () => ListConnectionFunctionsRequest$,
      () => ListConnectionFunctionsResult$
    ];
    var ListConnectionGroups$ = [
      9,
      n0,
      _LCG,
      { [_h]: ["POST", "/2020-05-31/connection-groups", 200] },
      () => ListConnectionGroupsRequest$,
      () => ListConnectionGroupsResult$
    ];
    var ListContinuousDeploymentPolicies$ = [
      9,
      n0,
      _LCDP,
      { [_h]: ["GET", "/2020-05-31/continuous-deployment-policy", 200] },
      () => ListContinuousDeploymentPoliciesRequest$,
      () => ListContinuousDeploymentPoliciesResult$
    ];
    var ListDistributions$ = [
      9,
      n0,
      _LD,
      { [_h]: ["GET", "/2020-05-31/distribution", 200] },
      () => ListDistributionsRequest$,
      () => ListDistributionsResult$
    ];
    var ListDistributionsByAnycastIpListId$ = [
      9,
      n0,
      _LDBAILI,
      { [_h]: ["GET", "/2020-05-31/distributionsByAnycastIpListId/{AnycastIpListId}", 200] },
      () => ListDistributionsByAnycastIpListIdRequest$,
      () => ListDistributionsByAnycastIpListIdResult$
    ];
    var ListDistributionsByCachePolicyId$ = [
      9,
      n0,
      _LDBCPI,
      { [_h]: ["GET", "/2020-05-31/distributionsByCachePolicyId/{CachePolicyId}", 200] },
      () => ListDistributionsByCachePolicyIdRequest$,
      () => ListDistributionsByCachePolicyIdResult$
    ];
    var ListDistributionsByConnectionFunction$ = [
      9,
      n0,
      _LDBCF,
      { [_h]: ["GET", "/2020-05-31/distributionsByConnectionFunction", 200] },
      () => ListDistributionsByConnectionFunctionRequest$,
      () => ListDistributionsByConnectionFunctionResult$
    ];
    var ListDistributionsByConnectionMode$ = [
      9,
      n0,
      _LDBCM,
      { [_h]: ["GET", "/2020-05-31/distributionsByConnectionMode/{ConnectionMode}", 200] },
      () => ListDistributionsByConnectionModeRequest$,
      () => ListDistributionsByConnectionModeResult$
    ];
    var ListDistributionsByKeyGroup$ = [
      9,
      n0,
      _LDBKG,
      { [_h]: ["GET", "/2020-05-31/distributionsByKeyGroupId/{KeyGroupId}", 200] },
      () => ListDistributionsByKeyGroupRequest$,
      () => ListDistributionsByKeyGroupResult$
    ];
    var ListDistributionsByOriginRequestPolicyId$ = [
      9,
      n0,
      _LDBORPI,
      { [_h]: ["GET", "/2020-05-31/distributionsByOriginRequestPolicyId/{OriginRequestPolicyId}", 200] },
      () => ListDistributionsByOriginRequestPolicyIdRequest$,
      () => ListDistributionsByOriginRequestPolicyIdResult$
    ];
    var ListDistributionsByOwnedResource$ = [
      9,
      n0,
      _LDBOR,
      { [_h]: ["GET", "/2020-05-31/distributionsByOwnedResource/{ResourceArn}", 200] },
      () => ListDistributionsByOwnedResourceRequest$,
      () => ListDistributionsByOwnedResourceResult$
    ];
    var ListDistributionsByRealtimeLogConfig$ = [
      9,
      n0,
      _LDBRLC,
      { [_h]: ["POST", "/2020-05-31/distributionsByRealtimeLogConfig", 200] },
      () => ListDistributionsByRealtimeLogConfigRequest$,
      () => ListDistributionsByRealtimeLogConfigResult$
    ];
    var ListDistributionsByResponseHeadersPolicyId$ = [
      9,
      n0,
      _LDBRHPI,
      { [_h]: ["GET", "/2020-05-31/distributionsByResponseHeadersPolicyId/{ResponseHeadersPolicyId}", 200] },
      () => ListDistributionsByResponseHeadersPolicyIdRequest$,
      () => ListDistributionsByResponseHeadersPolicyIdResult$
    ];
    var ListDistributionsByTrustStore$ = [
      9,
      n0,
      _LDBTS,
      { [_h]: ["GET", "/2020-05-31/distributionsByTrustStore", 200] },
      () => ListDistributionsByTrustStoreRequest$,
      () => ListDistributionsByTrustStoreResult$
    ];
    var ListDistributionsByVpcOriginId$ = [
      9,
      n0,
      _LDBVOI,
      { [_h]: ["GET", "/2020-05-31/distributionsByVpcOriginId/{VpcOriginId}", 200] },
      () => ListDistributionsByVpcOriginIdRequest$,
      () => ListDistributionsByVpcOriginIdResult$
    ];
    var ListDistributionsByWebACLId$ = [
      9,
      n0,
      _LDBWACLI,
      { [_h]: ["GET", "/2020-05-31/distributionsByWebACLId/{WebACLId}", 200] },
      () => ListDistributionsByWebACLIdRequest$,
      () => ListDistributionsByWebACLIdResult$
    ];
    var ListDistributionTenants$ = [
      9,
      n0,
      _LDT,
      { [_h]: ["POST", "/2020-05-31/distribution-tenants", 200] },
      () => ListDistributionTenantsRequest$,
      () => ListDistributionTenantsResult$
    ];
    var ListDistributionTenantsByCustomization$ = [
      9,
      n0,
      _LDTBC,
      { [_h]: ["POST", "/2020-05-31/distribution-tenants-by-customization", 200] },
      () => ListDistributionTenantsByCustomizationRequest$,
      () => ListDistributionTenantsByCustomizationResult$
    ];
    var ListDomainConflicts$ = [
      9,
      n0,
      _LDC,
      { [_h]: ["POST", "/2020-05-31/domain-conflicts", 200] },
      () => ListDomainConflictsRequest$,
      () => ListDomainConflictsResult$
    ];
    var ListFieldLevelEncryptionConfigs$ = [
      9,
      n0,
      _LFLEC,
      { [_h]: ["GET", "/2020-05-31/field-level-encryption", 200] },
      () => ListFieldLevelEncryptionConfigsRequest$,
      () => ListFieldLevelEncryptionConfigsResult$
    ];
    var ListFieldLevelEncryptionProfiles$ = [
      9,
      n0,
      _LFLEP,
      { [_h]: ["GET", "/2020-05-31/field-level-encryption-profile", 200] },
      () => ListFieldLevelEncryptionProfilesRequest$,
      () => ListFieldLevelEncryptionProfilesResult$
    ];
    var ListFunctions$ = [
      9,
      n0,
      _LF,
      { [_h]: ["GET", "/2020-05-31/function", 200] },
      () => ListFunctionsRequest$,
      () => ListFunctionsResult$
    ];
    var ListInvalidations$ = [
      9,
      n0,
      _LI,
      { [_h]: ["GET", "/2020-05-31/distribution/{DistributionId}/invalidation", 200] },
      () => ListInvalidationsRequest$,
      () => ListInvalidationsResult$
    ];
    var ListInvalidationsForDistributionTenant$ = [
      9,
      n0,
      _LIFDT,
      { [_h]: ["GET", "/2020-05-31/distribution-tenant/{Id}/invalidation", 200] },
      () => ListInvalidationsForDistributionTenantRequest$,
      () => ListInvalidationsForDistributionTenantResult$
    ];
    var ListKeyGroups$ = [
      9,
      n0,
      _LKG,
      { [_h]: ["GET", "/2020-05-31/key-group", 200] },
      () => ListKeyGroupsRequest$,
      () => ListKeyGroupsResult$
    ];
    var ListKeyValueStores$ = [
      9,
      n0,
      _LKVS,
      { [_h]: ["GET", "/2020-05-31/key-value-store", 200] },
      () => ListKeyValueStoresRequest$,
      () => ListKeyValueStoresResult$
    ];
    var ListOriginAccessControls$ = [
      9,
      n0,
      _LOAC,
      { [_h]: ["GET", "/2020-05-31/origin-access-control", 200] },
      () => ListOriginAccessControlsRequest$,
      () => ListOriginAccessControlsResult$
    ];
    var ListOriginRequestPolicies$ = [
      9,
      n0,
      _LORP,
      { [_h]: ["GET", "/2020-05-31/origin-request-policy", 200] },
      () => ListOriginRequestPoliciesRequest$,
      () => ListOriginRequestPoliciesResult$
    ];
    var ListPublicKeys$ = [
      9,
      n0,
      _LPK,
      { [_h]: ["GET", "/2020-05-31/public-key", 200] },
      () => ListPublicKeysRequest$,
      () => ListPublicKeysResult$
    ];
    var ListRealtimeLogConfigs$ = [
      9,
      n0,
      _LRLC,
      { [_h]: ["GET", "/2020-05-31/realtime-log-config", 200] },
      () => ListRealtimeLogConfigsRequest$,
      () => ListRealtimeLogConfigsResult$
    ];
    var ListResponseHeadersPolicies$ = [
      9,
      n0,
      _LRHP,
      { [_h]: ["GET", "/2020-05-31/response-headers-policy", 200] },
      () => ListResponseHeadersPoliciesRequest$,
      () => ListResponseHeadersPoliciesResult$
    ];
    var ListStreamingDistributions$ = [
      9,
      n0,
      _LSD,
      { [_h]: ["GET", "/2020-05-31/streaming-distribution", 200] },
      () => ListStreamingDistributionsRequest$,
      () => ListStreamingDistributionsResult$
    ];
    var ListTagsForResource$ = [
      9,
      n0,
      _LTFR,
      { [_h]: ["GET", "/2020-05-31/tagging", 200] },
      () => ListTagsForResourceRequest$,
      () => ListTagsForResourceResult$
    ];
    var ListTrustStores$ = [
      9,
      n0,
      _LTS,
      { [_h]: ["POST", "/2020-05-31/trust-stores", 200] },
      () => ListTrustStoresRequest$,
      () => ListTrustStoresResult$
    ];
    var ListVpcOrigins$ = [
      9,
      n0,
      _LVO,
      { [_h]: ["GET", "/2020-05-31/vpc-origin", 200] },
      () => ListVpcOriginsRequest$,
      () => ListVpcOriginsResult$
    ];
    var PublishConnectionFunction$ = [
      9,
      n0,
      _PCF,
      { [_h]: ["POST", "/2020-05-31/connection-function/{Id}/publish", 200] },
      () => PublishConnectionFunctionRequest$,
      () => PublishConnectionFunctionResult$
    ];
    var PublishFunction$ = [
      9,
      n0,
      _PFu,
      { [_h]: ["POST", "/2020-05-31/function/{Name}/publish", 200] },
      () => PublishFunctionRequest$,
      () => PublishFunctionResult$
    ];
    var PutResourcePolicy$ = [
      9,
      n0,
      _PRP,
      { [_h]: ["POST", "/2020-05-31/put-resource-policy", 200] },
      () => PutResourcePolicyRequest$,
      () => PutResourcePolicyResult$
    ];
    var TagResource$ = [
      9,
      n0,
      _TRag,
      { [_h]: ["POST", "/2020-05-31/tagging?Operation=Tag", 204] },
      () => TagResourceRequest$,
      () => __Unit
    ];
    var TestConnectionFunction$ = [
      9,
      n0,
      _TCF,
      { [_h]: ["POST", "/2020-05-31/connection-function/{Id}/test", 200] },
      () => TestConnectionFunctionRequest$,
      () => TestConnectionFunctionResult$
    ];
    var TestFunction$ = [
      9,
      n0,
      _TF,
      { [_h]: ["POST", "/2020-05-31/function/{Name}/test", 200] },
      () => TestFunctionRequest$,
      () => TestFunctionResult$
    ];
    var UntagResource$ = [
      9,
      n0,
      _UR,
      { [_h]: ["POST", "/2020-05-31/tagging?Operation=Untag", 204] },
      () => UntagResourceRequest$,
      () => __Unit
    ];
    var UpdateAnycastIpList$ = [
      9,
      n0,
      _UAIL,
      { [_h]: ["PUT", "/2020-05-31/anycast-ip-list/{Id}", 200] },
      () => UpdateAnycastIpListRequest$,
      () => UpdateAnycastIpListResult$
    ];
    var UpdateCachePolicy$ = [
      9,
      n0,
      _UCP,
      { [_h]: ["PUT", "/2020-05-31/cache-policy/{Id}", 200] },
      () => UpdateCachePolicyRequest$,
      () => UpdateCachePolicyResult$
    ];
    var UpdateCloudFrontOriginAccessIdentity$ = [
      9,
      n0,
      _UCFOAI,
      { [_h]: ["PUT", "/2020-05-31/origin-access-identity/cloudfront/{Id}/config", 200] },
      () => UpdateCloudFrontOriginAccessIdentityRequest$,
      () => UpdateCloudFrontOriginAccessIdentityResult$
    ];
    var UpdateConnectionFunction$ = [
      9,
      n0,
      _UCF,
      { [_h]: ["PUT", "/2020-05-31/connection-function/{Id}", 200] },
      () => UpdateConnectionFunctionRequest$,
      () => UpdateConnectionFunctionResult$
    ];
    var UpdateConnectionGroup$ = [
      9,
      n0,
      _UCG,
      { [_h]: ["PUT", "/2020-05-31/connection-group/{Id}", 200] },
      () => UpdateConnectionGroupRequest$,
      () => UpdateConnectionGroupResult$
    ];
    var UpdateContinuousDeploymentPolicy$ = [
      9,
      n0,
      _UCDP,
      { [_h]: ["PUT", "/2020-05-31/continuous-deployment-policy/{Id}", 200] },
      () => UpdateContinuousDeploymentPolicyRequest$,
      () => UpdateContinuousDeploymentPolicyResult$
    ];
    var UpdateDistribution$ = [
      9,
      n0,
      _UD,
      { [_h]: ["PUT", "/2020-05-31/distribution/{Id}/config", 200] },
      () => UpdateDistributionRequest$,
      () => UpdateDistributionResult$
    ];
    var UpdateDistributionTenant$ = [
      9,
      n0,
      _UDT,
      { [_h]: ["PUT", "/2020-05-31/distribution-tenant/{Id}", 200] },
      () => UpdateDistributionTenantRequest$,
      () => UpdateDistributionTenantResult$
    ];
    var UpdateDistributionWithStagingConfig$ = [
      9,
      n0,
      _UDWSC,
      { [_h]: ["PUT", "/2020-05-31/distribution/{Id}/promote-staging-config", 200] },
      () => UpdateDistributionWithStagingConfigRequest$,
      () => UpdateDistributionWithStagingConfigResult$
    ];
    var UpdateDomainAssociation$ = [
      9,
      n0,
      _UDA,
      { [_h]: ["POST", "/2020-05-31/domain-association", 200] },
      () => UpdateDomainAssociationRequest$,
      () => UpdateDomainAssociationResult$
    ];
    var UpdateFieldLevelEncryptionConfig$ = [
      9,
      n0,
      _UFLEC,
      { [_h]: ["PUT", "/2020-05-31/field-level-encryption/{Id}/config", 200] },
      () => UpdateFieldLevelEncryptionConfigRequest$,
      () => UpdateFieldLevelEncryptionConfigResult$
    ];
    var UpdateFieldLevelEncryptionProfile$ = [
      9,
      n0,
      _UFLEP,
      { [_h]: ["PUT", "/2020-05-31/field-level-encryption-profile/{Id}/config", 200] },
      () => UpdateFieldLevelEncryptionProfileRequest$,
      () => UpdateFieldLevelEncryptionProfileResult$
    ];
    var UpdateFunction$ = [
      9,
      n0,
      _UF,
      { [_h]: ["PUT", "/2020-05-31/function/{Name}", 200] },
      () => UpdateFunctionRequest$,
      () => UpdateFunctionResult$
    ];
    var UpdateKeyGroup$ = [
      9,
      n0,
      _UKG,
      { [_h]: ["PUT", "/2020-05-31/key-group/{Id}", 200] },
      () => UpdateKeyGroupRequest$,
      () => UpdateKeyGroupResult$
    ];
    var UpdateKeyValueStore$ = [
      9,
      n0,
      _UKVS,
      { [_h]: ["PUT", "/2020-05-31/key-value-store/{Name}", 200] },
      () => UpdateKeyValueStoreRequest$,
      () => UpdateKeyValueStoreResult$
    ];
    var UpdateOriginAccessControl$ = [
      9,
      n0,
      _UOAC,
      { [_h]: ["PUT", "/2020-05-31/origin-access-control/{Id}/config", 200] },
      () => UpdateOriginAccessControlRequest$,
      () => UpdateOriginAccessControlResult$
    ];
    var UpdateOriginRequestPolicy$ = [
      9,
      n0,
      _UORP,
      { [_h]: ["PUT", "/2020-05-31/origin-request-policy/{Id}", 200] },
      () => UpdateOriginRequestPolicyRequest$,
      () => UpdateOriginRequestPolicyResult$
    ];
    var UpdatePublicKey$ = [
      9,
      n0,
      _UPK,
      { [_h]: ["PUT", "/2020-05-31/public-key/{Id}/config", 200] },
      () => UpdatePublicKeyRequest$,
      () => UpdatePublicKeyResult$
    ];
    var UpdateRealtimeLogConfig$ = [
      9,
      n0,
      _URLC,
      { [_h]: ["PUT", "/2020-05-31/realtime-log-config", 200] },
      () => UpdateRealtimeLogConfigRequest$,
      () => UpdateRealtimeLogConfigResult$
    ];
    var UpdateResponseHeadersPolicy$ = [
      9,
      n0,
      _URHP,
      { [_h]: ["PUT", "/2020-05-31/response-headers-policy/{Id}", 200] },
      () => UpdateResponseHeadersPolicyRequest$,
      () => UpdateResponseHeadersPolicyResult$
    ];
    var UpdateStreamingDistribution$ = [
      9,
      n0,
      _USD,
      { [_h]: ["PUT", "/2020-05-31/streaming-distribution/{Id}/config", 200] },
      () => UpdateStreamingDistributionRequest$,
      () => UpdateStreamingDistributionResult$
    ];
    var UpdateTrustStore$ = [
      9,
      n0,
      _UTS,
      { [_h]: ["PUT", "/2020-05-31/trust-store/{Id}", 200] },
      () => UpdateTrustStoreRequest$,
      () => UpdateTrustStoreResult$
    ];
    var UpdateVpcOrigin$ = [
      9,
      n0,
      _UVO,
      { [_h]: ["PUT", "/2020-05-31/vpc-origin/{Id}", 202] },
      () => UpdateVpcOriginRequest$,
      () => UpdateVpcOriginResult$
    ];
    var VerifyDnsConfiguration$ = [
      9,
      n0,
      _VDC,
      { [_h]: ["POST", "/2020-05-31/verify-dns-configuration", 200] },
      () => VerifyDnsConfigurationRequest$,
      () => VerifyDnsConfigurationResult$
    ];
    var getRuntimeConfig$1 = (config) => {
      return {
        apiVersion: "2020-05-31",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultCloudFrontHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
          {
            schemeId: "aws.auth#sigv4",
            identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
            signer: new AwsSdkSigV4Signer()
          }
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsRestXmlProtocol,
        protocolSettings: config?.protocolSettings ?? {
          defaultNamespace: "com.amazonaws.cloudfront",
          errorTypeRegistries,
          xmlNamespace: "http://cloudfront.amazonaws.com/doc/2020-05-31/",
          version: "2020-05-31",
          serviceTarget: "Cloudfront2020_05_31"
        },
        serviceId: config?.serviceId ?? "CloudFront",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8
      };
    };
    var getRuntimeConfig = (config) => {
      emitWarningIfUnsupportedVersion(process.version);
      const defaultsMode = resolveDefaultsModeConfig(config);
      const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
      const clientSharedValues = getRuntimeConfig$1(config);
      emitWarningIfUnsupportedVersion$1(process.version);
      const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger
      };
      return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 3e5),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ?? loadConfig({
          ...NODE_RETRY_MODE_CONFIG_OPTIONS,
          default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE
        }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig)
      };
    };
    var getHttpAuthExtensionConfiguration = (runtimeConfig) => {
      const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
      let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
      let _credentials = runtimeConfig.credentials;
      return {
        setHttpAuthScheme(httpAuthScheme) {
          const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
          if (index === -1) {
            _httpAuthSchemes.push(httpAuthScheme);
          } else {
            _httpAuthSchemes.splice(index, 1, httpAuthScheme);
          }
        },
        httpAuthSchemes() {
          return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
          _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
          return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
          _credentials = credentials;
        },
        credentials() {
          return _credentials;
        }
      };
    };
    var resolveHttpAuthRuntimeConfig = (config) => {
      return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials()
      };
    };
    var resolveRuntimeExtensions = (runtimeConfig, extensions) => {
      const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
      extensions.forEach((extension) => extension.configure(extensionConfiguration));
      return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
    };
    var CloudFrontClient2 = class extends Client {
      config;
      constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
          httpAuthSchemeParametersProvider: defaultCloudFrontHttpAuthSchemeParametersProvider,
          identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
            "aws.auth#sigv4": config.credentials
          })
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
      }
      destroy() {
        super.destroy();
      }
    };
    var command = makeBuilder(commonParams, "Cloudfront2020_05_31", "CloudFrontClient", getEndpointPlugin);
    var _ep0 = {};
    var _mw0 = (Command, cs, config, o2) => [];
    var AssociateAliasCommand = class extends command(_ep0, _mw0, "AssociateAlias", AssociateAlias$) {
    };
    var AssociateDistributionTenantWebACLCommand = class extends command(_ep0, _mw0, "AssociateDistributionTenantWebACL", AssociateDistributionTenantWebACL$) {
    };
    var AssociateDistributionWebACLCommand = class extends command(_ep0, _mw0, "AssociateDistributionWebACL", AssociateDistributionWebACL$) {
    };
    var CopyDistributionCommand = class extends command(_ep0, _mw0, "CopyDistribution", CopyDistribution$) {
    };
    var CreateAnycastIpListCommand = class extends command(_ep0, _mw0, "CreateAnycastIpList", CreateAnycastIpList$) {
    };
    var CreateCachePolicyCommand = class extends command(_ep0, _mw0, "CreateCachePolicy", CreateCachePolicy$) {
    };
    var CreateCloudFrontOriginAccessIdentityCommand = class extends command(_ep0, _mw0, "CreateCloudFrontOriginAccessIdentity", CreateCloudFrontOriginAccessIdentity$) {
    };
    var CreateConnectionFunctionCommand = class extends command(_ep0, _mw0, "CreateConnectionFunction", CreateConnectionFunction$) {
    };
    var CreateConnectionGroupCommand = class extends command(_ep0, _mw0, "CreateConnectionGroup", CreateConnectionGroup$) {
    };
    var CreateContinuousDeploymentPolicyCommand = class extends command(_ep0, _mw0, "CreateContinuousDeploymentPolicy", CreateContinuousDeploymentPolicy$) {
    };
    var CreateDistributionCommand = class extends command(_ep0, _mw0, "CreateDistribution", CreateDistribution$) {
    };
    var CreateDistributionTenantCommand = class extends command(_ep0, _mw0, "CreateDistributionTenant", CreateDistributionTenant$) {
    };
    var CreateDistributionWithTagsCommand = class extends command(_ep0, _mw0, "CreateDistributionWithTags", CreateDistributionWithTags$) {
    };
    var CreateFieldLevelEncryptionConfigCommand = class extends command(_ep0, _mw0, "CreateFieldLevelEncryptionConfig", CreateFieldLevelEncryptionConfig$) {
    };
    var CreateFieldLevelEncryptionProfileCommand = class extends command(_ep0, _mw0, "CreateFieldLevelEncryptionProfile", CreateFieldLevelEncryptionProfile$) {
    };
    var CreateFunctionCommand = class extends command(_ep0, _mw0, "CreateFunction", CreateFunction$) {
    };
    var CreateInvalidationCommand2 = class extends command(_ep0, _mw0, "CreateInvalidation", CreateInvalidation$) {
    };
    var CreateInvalidationForDistributionTenantCommand = class extends command(_ep0, _mw0, "CreateInvalidationForDistributionTenant", CreateInvalidationForDistributionTenant$) {
    };
    var CreateKeyGroupCommand = class extends command(_ep0, _mw0, "CreateKeyGroup", CreateKeyGroup$) {
    };
    var CreateKeyValueStoreCommand = class extends command(_ep0, _mw0, "CreateKeyValueStore", CreateKeyValueStore$) {
    };
    var CreateMonitoringSubscriptionCommand = class extends command(_ep0, _mw0, "CreateMonitoringSubscription", CreateMonitoringSubscription$) {
    };
    var CreateOriginAccessControlCommand = class extends command(_ep0, _mw0, "CreateOriginAccessControl", CreateOriginAccessControl$) {
    };
    var CreateOriginRequestPolicyCommand = class extends command(_ep0, _mw0, "CreateOriginRequestPolicy", CreateOriginRequestPolicy$) {
    };
    var CreatePublicKeyCommand = class extends command(_ep0, _mw0, "CreatePublicKey", CreatePublicKey$) {
    };
    var CreateRealtimeLogConfigCommand = class extends command(_ep0, _mw0, "CreateRealtimeLogConfig", CreateRealtimeLogConfig$) {
    };
    var CreateResponseHeadersPolicyCommand = class extends command(_ep0, _mw0, "CreateResponseHeadersPolicy", CreateResponseHeadersPolicy$) {
    };
    var CreateStreamingDistributionCommand = class extends command(_ep0, _mw0, "CreateStreamingDistribution", CreateStreamingDistribution$) {
    };
    var CreateStreamingDistributionWithTagsCommand = class extends command(_ep0, _mw0, "CreateStreamingDistributionWithTags", CreateStreamingDistributionWithTags$) {
    };
    var CreateTrustStoreCommand = class extends command(_ep0, _mw0, "CreateTrustStore", CreateTrustStore$) {
    };
    var CreateVpcOriginCommand = class extends command(_ep0, _mw0, "CreateVpcOrigin", CreateVpcOrigin$) {
    };
    var DeleteAnycastIpListCommand = class extends command(_ep0, _mw0, "DeleteAnycastIpList", DeleteAnycastIpList$) {
    };
    var DeleteCachePolicyCommand = class extends command(_ep0, _mw0, "DeleteCachePolicy", DeleteCachePolicy$) {
    };
    var DeleteCloudFrontOriginAccessIdentityCommand = class extends command(_ep0, _mw0, "DeleteCloudFrontOriginAccessIdentity", DeleteCloudFrontOriginAccessIdentity$) {
    };
    var DeleteConnectionFunctionCommand = class extends command(_ep0, _mw0, "DeleteConnectionFunction", DeleteConnectionFunction$) {
    };
    var DeleteConnectionGroupCommand = class extends command(_ep0, _mw0, "DeleteConnectionGroup", DeleteConnectionGroup$) {
    };
    var DeleteContinuousDeploymentPolicyCommand = class extends command(_ep0, _mw0, "DeleteContinuousDeploymentPolicy", DeleteContinuousDeploymentPolicy$) {
    };
    var DeleteDistributionCommand = class extends command(_ep0, _mw0, "DeleteDistribution", DeleteDistribution$) {
    };
    var DeleteDistributionTenantCommand = class extends command(_ep0, _mw0, "DeleteDistributionTenant", DeleteDistributionTenant$) {
    };
    var DeleteFieldLevelEncryptionConfigCommand = class extends command(_ep0, _mw0, "DeleteFieldLevelEncryptionConfig", DeleteFieldLevelEncryptionConfig$) {
    };
    var DeleteFieldLevelEncryptionProfileCommand = class extends command(_ep0, _mw0, "DeleteFieldLevelEncryptionProfile", DeleteFieldLevelEncryptionProfile$) {
    };
    var DeleteFunctionCommand = class extends command(_ep0, _mw0, "DeleteFunction", DeleteFunction$) {
    };
    var DeleteKeyGroupCommand = class extends command(_ep0, _mw0, "DeleteKeyGroup", DeleteKeyGroup$) {
    };
    var DeleteKeyValueStoreCommand = class extends command(_ep0, _mw0, "DeleteKeyValueStore", DeleteKeyValueStore$) {
    };
    var DeleteMonitoringSubscriptionCommand = class extends command(_ep0, _mw0, "DeleteMonitoringSubscription", DeleteMonitoringSubscription$) {
    };
    var DeleteOriginAccessControlCommand = class extends command(_ep0, _mw0, "DeleteOriginAccessControl", DeleteOriginAccessControl$) {
    };
    var DeleteOriginRequestPolicyCommand = class extends command(_ep0, _mw0, "DeleteOriginRequestPolicy", DeleteOriginRequestPolicy$) {
    };
    var DeletePublicKeyCommand = class extends command(_ep0, _mw0, "DeletePublicKey", DeletePublicKey$) {
    };
    var DeleteRealtimeLogConfigCommand = class extends command(_ep0, _mw0, "DeleteRealtimeLogConfig", DeleteRealtimeLogConfig$) {
    };
    var DeleteResourcePolicyCommand = class extends command(_ep0, _mw0, "DeleteResourcePolicy", DeleteResourcePolicy$) {
    };
    var DeleteResponseHeadersPolicyCommand = class extends command(_ep0, _mw0, "DeleteResponseHeadersPolicy", DeleteResponseHeadersPolicy$) {
    };
    var DeleteStreamingDistributionCommand = class extends command(_ep0, _mw0, "DeleteStreamingDistribution", DeleteStreamingDistribution$) {
    };
    var DeleteTrustStoreCommand = class extends command(_ep0, _mw0, "DeleteTrustStore", DeleteTrustStore$) {
    };
    var DeleteVpcOriginCommand = class extends command(_ep0, _mw0, "DeleteVpcOrigin", DeleteVpcOrigin$) {
    };
    var DescribeConnectionFunctionCommand = class extends command(_ep0, _mw0, "DescribeConnectionFunction", DescribeConnectionFunction$) {
    };
    var DescribeFunctionCommand = class extends command(_ep0, _mw0, "DescribeFunction", DescribeFunction$) {
    };
    var DescribeKeyValueStoreCommand = class extends command(_ep0, _mw0, "DescribeKeyValueStore", DescribeKeyValueStore$) {
    };
    var DisassociateDistributionTenantWebACLCommand = class extends command(_ep0, _mw0, "DisassociateDistributionTenantWebACL", DisassociateDistributionTenantWebACL$) {
    };
    var DisassociateDistributionWebACLCommand = class extends command(_ep0, _mw0, "DisassociateDistributionWebACL", DisassociateDistributionWebACL$) {
    };
    var GetAnycastIpListCommand = class extends command(_ep0, _mw0, "GetAnycastIpList", GetAnycastIpList$) {
    };
    var GetCachePolicyCommand = class extends command(_ep0, _mw0, "GetCachePolicy", GetCachePolicy$) {
    };
    var GetCachePolicyConfigCommand = class extends command(_ep0, _mw0, "GetCachePolicyConfig", GetCachePolicyConfig$) {
    };
    var GetCloudFrontOriginAccessIdentityCommand = class extends command(_ep0, _mw0, "GetCloudFrontOriginAccessIdentity", GetCloudFrontOriginAccessIdentity$) {
    };
    var GetCloudFrontOriginAccessIdentityConfigCommand = class extends command(_ep0, _mw0, "GetCloudFrontOriginAccessIdentityConfig", GetCloudFrontOriginAccessIdentityConfig$) {
    };
    var GetConnectionFunctionCommand = class extends command(_ep0, _mw0, "GetConnectionFunction", GetConnectionFunction$) {
    };
    var GetConnectionGroupByRoutingEndpointCommand = class extends command(_ep0, _mw0, "GetConnectionGroupByRoutingEndpoint", GetConnectionGroupByRoutingEndpoint$) {
    };
    var GetConnectionGroupCommand = class extends command(_ep0, _mw0, "GetConnectionGroup", GetConnectionGroup$) {
    };
    var GetContinuousDeploymentPolicyCommand = class extends command(_ep0, _mw0, "GetContinuousDeploymentPolicy", GetContinuousDeploymentPolicy$) {
    };
    var GetContinuousDeploymentPolicyConfigCommand = class extends command(_ep0, _mw0, "GetContinuousDeploymentPolicyConfig", GetContinuousDeploymentPolicyConfig$) {
    };
    var GetDistributionCommand = class extends command(_ep0, _mw0, "GetDistribution", GetDistribution$) {
    };
    var GetDistributionConfigCommand = class extends command(_ep0, _mw0, "GetDistributionConfig", GetDistributionConfig$) {
    };
    var GetDistributionTenantByDomainCommand = class extends command(_ep0, _mw0, "GetDistributionTenantByDomain", GetDistributionTenantByDomain$) {
    };
    var GetDistributionTenantCommand = class extends command(_ep0, _mw0, "GetDistributionTenant", GetDistributionTenant$) {
    };
    var GetFieldLevelEncryptionCommand = class extends command(_ep0, _mw0, "GetFieldLevelEncryption", GetFieldLevelEncryption$) {
    };
    var GetFieldLevelEncryptionConfigCommand = class extends command(_ep0, _mw0, "GetFieldLevelEncryptionConfig", GetFieldLevelEncryptionConfig$) {
    };
    var GetFieldLevelEncryptionProfileCommand = class extends command(_ep0, _mw0, "GetFieldLevelEncryptionProfile", GetFieldLevelEncryptionProfile$) {
    };
    var GetFieldLevelEncryptionProfileConfigCommand = class extends command(_ep0, _mw0, "GetFieldLevelEncryptionProfileConfig", GetFieldLevelEncryptionProfileConfig$) {
    };
    var GetFunctionCommand = class extends command(_ep0, _mw0, "GetFunction", GetFunction$) {
    };
    var GetInvalidationCommand = class extends command(_ep0, _mw0, "GetInvalidation", GetInvalidation$) {
    };
    var GetInvalidationForDistributionTenantCommand = class extends command(_ep0, _mw0, "GetInvalidationForDistributionTenant", GetInvalidationForDistributionTenant$) {
    };
    var GetKeyGroupCommand = class extends command(_ep0, _mw0, "GetKeyGroup", GetKeyGroup$) {
    };
    var GetKeyGroupConfigCommand = class extends command(_ep0, _mw0, "GetKeyGroupConfig", GetKeyGroupConfig$) {
    };
    var GetManagedCertificateDetailsCommand = class extends command(_ep0, _mw0, "GetManagedCertificateDetails", GetManagedCertificateDetails$) {
    };
    var GetMonitoringSubscriptionCommand = class extends command(_ep0, _mw0, "GetMonitoringSubscription", GetMonitoringSubscription$) {
    };
    var GetOriginAccessControlCommand = class extends command(_ep0, _mw0, "GetOriginAccessControl", GetOriginAccessControl$) {
    };
    var GetOriginAccessControlConfigCommand = class extends command(_ep0, _mw0, "GetOriginAccessControlConfig", GetOriginAccessControlConfig$) {
    };
    var GetOriginRequestPolicyCommand = class extends command(_ep0, _mw0, "GetOriginRequestPolicy", GetOriginRequestPolicy$) {
    };
    var GetOriginRequestPolicyConfigCommand = class extends command(_ep0, _mw0, "GetOriginRequestPolicyConfig", GetOriginRequestPolicyConfig$) {
    };
    var GetPublicKeyCommand = class extends command(_ep0, _mw0, "GetPublicKey", GetPublicKey$) {
    };
    var GetPublicKeyConfigCommand = class extends command(_ep0, _mw0, "GetPublicKeyConfig", GetPublicKeyConfig$) {
    };
    var GetRealtimeLogConfigCommand = class extends command(_ep0, _mw0, "GetRealtimeLogConfig", GetRealtimeLogConfig$) {
    };
    var GetResourcePolicyCommand = class extends command(_ep0, _mw0, "GetResourcePolicy", GetResourcePolicy$) {
    };
    var GetResponseHeadersPolicyCommand = class extends command(_ep0, _mw0, "GetResponseHeadersPolicy", GetResponseHeadersPolicy$) {
    };
    var GetResponseHeadersPolicyConfigCommand = class extends command(_ep0, _mw0, "GetResponseHeadersPolicyConfig", GetResponseHeadersPolicyConfig$) {
    };
    var GetStreamingDistributionCommand = class extends command(_ep0, _mw0, "GetStreamingDistribution", GetStreamingDistribution$) {
    };
    var GetStreamingDistributionConfigCommand = class extends command(_ep0, _mw0, "GetStreamingDistributionConfig", GetStreamingDistributionConfig$) {
    };
    var GetTrustStoreCommand = class extends command(_ep0, _mw0, "GetTrustStore", GetTrustStore$) {
    };
    var GetVpcOriginCommand = class extends command(_ep0, _mw0, "GetVpcOrigin", GetVpcOrigin$) {
    };
    var ListAnycastIpListsCommand = class extends command(_ep0, _mw0, "ListAnycastIpLists", ListAnycastIpLists$) {
    };
    var ListCachePoliciesCommand = class extends command(_ep0, _mw0, "ListCachePolicies", ListCachePolicies$) {
    };
    var ListCloudFrontOriginAccessIdentitiesCommand = class extends command(_ep0, _mw0, "ListCloudFrontOriginAccessIdentities", ListCloudFrontOriginAccessIdentities$) {
    };
    var ListConflictingAliasesCommand = class extends command(_ep0, _mw0, "ListConflictingAliases", ListConflictingAliases$) {
    };
    var ListConnectionFunctionsCommand = class extends command(_ep0, _mw0, "ListConnectionFunctions", ListConnectionFunctions$) {
    };
    var ListConnectionGroupsCommand = class extends command(_ep0, _mw0, "ListConnectionGroups", ListConnectionGroups$) {
    };
    var ListContinuousDeploymentPoliciesCommand = class extends command(_ep0, _mw0, "ListContinuousDeploymentPolicies", ListContinuousDeploymentPolicies$) {
    };
    var ListDistributionsByAnycastIpListIdCommand = class extends command(_ep0, _mw0, "ListDistributionsByAnycastIpListId", ListDistributionsByAnycastIpListId$) {
    };
    var ListDistributionsByCachePolicyIdCommand = class extends command(_ep0, _mw0, "ListDistributionsByCachePolicyId", ListDistributionsByCachePolicyId$) {
    };
    var ListDistributionsByConnectionFunctionCommand = class extends command(_ep0, _mw0, "ListDistributionsByConnectionFunction", ListDistributionsByConnectionFunction$) {
    };
    var ListDistributionsByConnectionModeCommand = class extends command(_ep0, _mw0, "ListDistributionsByConnectionMode", ListDistributionsByConnectionMode$) {
    };
    var ListDistributionsByKeyGroupCommand = class extends command(_ep0, _mw0, "ListDistributionsByKeyGroup", ListDistributionsByKeyGroup$) {
    };
    var ListDistributionsByOriginRequestPolicyIdCommand = class extends command(_ep0, _mw0, "ListDistributionsByOriginRequestPolicyId", ListDistributionsByOriginRequestPolicyId$) {
    };
    var ListDistributionsByOwnedResourceCommand = class extends command(_ep0, _mw0, "ListDistributionsByOwnedResource", ListDistributionsByOwnedResource$) {
    };
    var ListDistributionsByRealtimeLogConfigCommand = class extends command(_ep0, _mw0, "ListDistributionsByRealtimeLogConfig", ListDistributionsByRealtimeLogConfig$) {
    };
    var ListDistributionsByResponseHeadersPolicyIdCommand = class extends command(_ep0, _mw0, "ListDistributionsByResponseHeadersPolicyId", ListDistributionsByResponseHeadersPolicyId$) {
    };
    var ListDistributionsByTrustStoreCommand = class extends command(_ep0, _mw0, "ListDistributionsByTrustStore", ListDistributionsByTrustStore$) {
    };
    var ListDistributionsByVpcOriginIdCommand = class extends command(_ep0, _mw0, "ListDistributionsByVpcOriginId", ListDistributionsByVpcOriginId$) {
    };
    var ListDistributionsByWebACLIdCommand = class extends command(_ep0, _mw0, "ListDistributionsByWebACLId", ListDistributionsByWebACLId$) {
    };
    var ListDistributionsCommand = class extends command(_ep0, _mw0, "ListDistributions", ListDistributions$) {
    };
    var ListDistributionTenantsByCustomizationCommand = class extends command(_ep0, _mw0, "ListDistributionTenantsByCustomization", ListDistributionTenantsByCustomization$) {
    };
    var ListDistributionTenantsCommand = class extends command(_ep0, _mw0, "ListDistributionTenants", ListDistributionTenants$) {
    };
    var ListDomainConflictsCommand = class extends command(_ep0, _mw0, "ListDomainConflicts", ListDomainConflicts$) {
    };
    var ListFieldLevelEncryptionConfigsCommand = class extends command(_ep0, _mw0, "ListFieldLevelEncryptionConfigs", ListFieldLevelEncryptionConfigs$) {
    };
    var ListFieldLevelEncryptionProfilesCommand = class extends command(_ep0, _mw0, "ListFieldLevelEncryptionProfiles", ListFieldLevelEncryptionProfiles$) {
    };
    var ListFunctionsCommand = class extends command(_ep0, _mw0, "ListFunctions", ListFunctions$) {
    };
    var ListInvalidationsCommand = class extends command(_ep0, _mw0, "ListInvalidations", ListInvalidations$) {
    };
    var ListInvalidationsForDistributionTenantCommand = class extends command(_ep0, _mw0, "ListInvalidationsForDistributionTenant", ListInvalidationsForDistributionTenant$) {
    };
    var ListKeyGroupsCommand = class extends command(_ep0, _mw0, "ListKeyGroups", ListKeyGroups$) {
    };
    var ListKeyValueStoresCommand = class extends command(_ep0, _mw0, "ListKeyValueStores", ListKeyValueStores$) {
    };
    var ListOriginAccessControlsCommand = class extends command(_ep0, _mw0, "ListOriginAccessControls", ListOriginAccessControls$) {
    };
    var ListOriginRequestPoliciesCommand = class extends command(_ep0, _mw0, "ListOriginRequestPolicies", ListOriginRequestPolicies$) {
    };
    var ListPublicKeysCommand = class extends command(_ep0, _mw0, "ListPublicKeys", ListPublicKeys$) {
    };
    var ListRealtimeLogConfigsCommand = class extends command(_ep0, _mw0, "ListRealtimeLogConfigs", ListRealtimeLogConfigs$) {
    };
    var ListResponseHeadersPoliciesCommand = class extends command(_ep0, _mw0, "ListResponseHeadersPolicies", ListResponseHeadersPolicies$) {
    };
    var ListStreamingDistributionsCommand = class extends command(_ep0, _mw0, "ListStreamingDistributions", ListStreamingDistributions$) {
    };
    var ListTagsForResourceCommand = class extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
    };
    var ListTrustStoresCommand = class extends command(_ep0, _mw0, "ListTrustStores", ListTrustStores$) {
    };
    var ListVpcOriginsCommand = class extends command(_ep0, _mw0, "ListVpcOrigins", ListVpcOrigins$) {
    };
    var PublishConnectionFunctionCommand = class extends command(_ep0, _mw0, "PublishConnectionFunction", PublishConnectionFunction$) {
    };
    var PublishFunctionCommand = class extends command(_ep0, _mw0, "PublishFunction", PublishFunction$) {
    };
    var PutResourcePolicyCommand = class extends command(_ep0, _mw0, "PutResourcePolicy", PutResourcePolicy$) {
    };
    var TagResourceCommand = class extends command(_ep0, _mw0, "TagResource", TagResource$) {
    };
    var TestConnectionFunctionCommand = class extends command(_ep0, _mw0, "TestConnectionFunction", TestConnectionFunction$) {
    };
    var TestFunctionCommand = class extends command(_ep0, _mw0, "TestFunction", TestFunction$) {
    };
    var UntagResourceCommand = class extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
    };
    var UpdateAnycastIpListCommand = class extends command(_ep0, _mw0, "UpdateAnycastIpList", UpdateAnycastIpList$) {
    };
    var UpdateCachePolicyCommand = class extends command(_ep0, _mw0, "UpdateCachePolicy", UpdateCachePolicy$) {
    };
    var UpdateCloudFrontOriginAccessIdentityCommand = class extends command(_ep0, _mw0, "UpdateCloudFrontOriginAccessIdentity", UpdateCloudFrontOriginAccessIdentity$) {
    };
    var UpdateConnectionFunctionCommand = class extends command(_ep0, _mw0, "UpdateConnectionFunction", UpdateConnectionFunction$) {
    };
    var UpdateConnectionGroupCommand = class extends command(_ep0, _mw0, "UpdateConnectionGroup", UpdateConnectionGroup$) {
    };
    var UpdateContinuousDeploymentPolicyCommand = class extends command(_ep0, _mw0, "UpdateContinuousDeploymentPolicy", UpdateContinuousDeploymentPolicy$) {
    };
    var UpdateDistributionCommand = class extends command(_ep0, _mw0, "UpdateDistribution", UpdateDistribution$) {
    };
    var UpdateDistributionTenantCommand = class extends command(_ep0, _mw0, "UpdateDistributionTenant", UpdateDistributionTenant$) {
    };
    var UpdateDistributionWithStagingConfigCommand = class extends command(_ep0, _mw0, "UpdateDistributionWithStagingConfig", UpdateDistributionWithStagingConfig$) {
    };
    var UpdateDomainAssociationCommand = class extends command(_ep0, _mw0, "UpdateDomainAssociation", UpdateDomainAssociation$) {
    };
    var UpdateFieldLevelEncryptionConfigCommand = class extends command(_ep0, _mw0, "UpdateFieldLevelEncryptionConfig", UpdateFieldLevelEncryptionConfig$) {
    };
    var UpdateFieldLevelEncryptionProfileCommand = class extends command(_ep0, _mw0, "UpdateFieldLevelEncryptionProfile", UpdateFieldLevelEncryptionProfile$) {
    };
    var UpdateFunctionCommand = class extends command(_ep0, _mw0, "UpdateFunction", UpdateFunction$) {
    };
    var UpdateKeyGroupCommand = class extends command(_ep0, _mw0, "UpdateKeyGroup", UpdateKeyGroup$) {
    };
    var UpdateKeyValueStoreCommand = class extends command(_ep0, _mw0, "UpdateKeyValueStore", UpdateKeyValueStore$) {
    };
    var UpdateOriginAccessControlCommand = class extends command(_ep0, _mw0, "UpdateOriginAccessControl", UpdateOriginAccessControl$) {
    };
    var UpdateOriginRequestPolicyCommand = class extends command(_ep0, _mw0, "UpdateOriginRequestPolicy", UpdateOriginRequestPolicy$) {
    };
    var UpdatePublicKeyCommand = class extends command(_ep0, _mw0, "UpdatePublicKey", UpdatePublicKey$) {
    };
    var UpdateRealtimeLogConfigCommand = class extends command(_ep0, _mw0, "UpdateRealtimeLogConfig", UpdateRealtimeLogConfig$) {
    };
    var UpdateResponseHeadersPolicyCommand = class extends command(_ep0, _mw0, "UpdateResponseHeadersPolicy", UpdateResponseHeadersPolicy$) {
    };
    var UpdateStreamingDistributionCommand = class extends command(_ep0, _mw0, "UpdateStreamingDistribution", UpdateStreamingDistribution$) {
    };
    var UpdateTrustStoreCommand = class extends command(_ep0, _mw0, "UpdateTrustStore", UpdateTrustStore$) {
    };
    var UpdateVpcOriginCommand = class extends command(_ep0, _mw0, "UpdateVpcOrigin", UpdateVpcOrigin$) {
    };
    var VerifyDnsConfigurationCommand = class extends command(_ep0, _mw0, "VerifyDnsConfiguration", VerifyDnsConfiguration$) {
    };
    var paginateListCloudFrontOriginAccessIdentities = createPaginator(CloudFrontClient2, ListCloudFrontOriginAccessIdentitiesCommand, "Marker", "CloudFrontOriginAccessIdentityList.NextMarker", "MaxItems");
    var paginateListConnectionFunctions = createPaginator(CloudFrontClient2, ListConnectionFunctionsCommand, "Marker", "NextMarker", "MaxItems");
    var paginateListConnectionGroups = createPaginator(CloudFrontClient2, ListConnectionGroupsCommand, "Marker", "NextMarker", "MaxItems");
    var paginateListDistributionsByConnectionFunction = createPaginator(CloudFrontClient2, ListDistributionsByConnectionFunctionCommand, "Marker", "DistributionList.NextMarker", "MaxItems");
    var paginateListDistributionsByConnectionMode = createPaginator(CloudFrontClient2, ListDistributionsByConnectionModeCommand, "Marker", "DistributionList.NextMarker", "MaxItems");
    var paginateListDistributionsByTrustStore = createPaginator(CloudFrontClient2, ListDistributionsByTrustStoreCommand, "Marker", "DistributionList.NextMarker", "MaxItems");
    var paginateListDistributions = createPaginator(CloudFrontClient2, ListDistributionsCommand, "Marker", "DistributionList.NextMarker", "MaxItems");
    var paginateListDistributionTenantsByCustomization = createPaginator(CloudFrontClient2, ListDistributionTenantsByCustomizationCommand, "Marker", "NextMarker", "MaxItems");
    var paginateListDistributionTenants = createPaginator(CloudFrontClient2, ListDistributionTenantsCommand, "Marker", "NextMarker", "MaxItems");
    var paginateListDomainConflicts = createPaginator(CloudFrontClient2, ListDomainConflictsCommand, "Marker", "NextMarker", "MaxItems");
    var paginateListInvalidationsForDistributionTenant = createPaginator(CloudFrontClient2, ListInvalidationsForDistributionTenantCommand, "Marker", "InvalidationList.NextMarker", "MaxItems");
    var paginateListInvalidations = createPaginator(CloudFrontClient2, ListInvalidationsCommand, "Marker", "InvalidationList.NextMarker", "MaxItems");
    var paginateListKeyValueStores = createPaginator(CloudFrontClient2, ListKeyValueStoresCommand, "Marker", "KeyValueStoreList.NextMarker", "MaxItems");
    var paginateListOriginAccessControls = createPaginator(CloudFrontClient2, ListOriginAccessControlsCommand, "Marker", "OriginAccessControlList.NextMarker", "MaxItems");
    var paginateListPublicKeys = createPaginator(CloudFrontClient2, ListPublicKeysCommand, "Marker", "PublicKeyList.NextMarker", "MaxItems");
    var paginateListStreamingDistributions = createPaginator(CloudFrontClient2, ListStreamingDistributionsCommand, "Marker", "StreamingDistributionList.NextMarker", "MaxItems");
    var paginateListTrustStores = createPaginator(CloudFrontClient2, ListTrustStoresCommand, "Marker", "NextMarker", "MaxItems");
    var checkState$3 = async (client, input) => {
      let reason;
      try {
        let result = await client.send(new GetDistributionCommand(input));
        reason = result;
        try {
          const returnComparator = () => {
            return result.Distribution.Status;
          };
          if (returnComparator() === "Deployed") {
            return { state: WaiterState.SUCCESS, reason };
          }
        } catch (e2) {
        }
      } catch (exception) {
        reason = exception;
      }
      return { state: WaiterState.RETRY, reason };
    };
    var waitForDistributionDeployed = async (params, input) => {
      const serviceDefaults = { minDelay: 60, maxDelay: 2100 };
      return createWaiter({ ...serviceDefaults, ...params }, input, checkState$3);
    };
    var waitUntilDistributionDeployed = async (params, input) => {
      const serviceDefaults = { minDelay: 60, maxDelay: 2100 };
      const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState$3);
      return checkExceptions(result);
    };
    var checkState$2 = async (client, input) => {
      let reason;
      try {
        let result = await client.send(new GetInvalidationCommand(input));
        reason = result;
        try {
          const returnComparator = () => {
            return result.Invalidation.Status;
          };
          if (returnComparator() === "Completed") {
            return { state: WaiterState.SUCCESS, reason };
          }
        } catch (e2) {
        }
      } catch (exception) {
        reason = exception;
      }
      return { state: WaiterState.RETRY, reason };
    };
    var waitForInvalidationCompleted = async (params, input) => {
      const serviceDefaults = { minDelay: 20, maxDelay: 600 };
      return createWaiter({ ...serviceDefaults, ...params }, input, checkState$2);
    };
    var waitUntilInvalidationCompleted2 = async (params, input) => {
      const serviceDefaults = { minDelay: 20, maxDelay: 600 };
      const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState$2);
      return checkExceptions(result);
    };
    var checkState$1 = async (client, input) => {
      let reason;
      try {
        let result = await client.send(new GetInvalidationForDistributionTenantCommand(input));
        reason = result;
        try {
          const returnComparator = () => {
            return result.Invalidation.Status;
          };
          if (returnComparator() === "Completed") {
            return { state: WaiterState.SUCCESS, reason };
          }
        } catch (e2) {
        }
      } catch (exception) {
        reason = exception;
      }
      return { state: WaiterState.RETRY, reason };
    };
    var waitForInvalidationForDistributionTenantCompleted = async (params, input) => {
      const serviceDefaults = { minDelay: 20, maxDelay: 600 };
      return createWaiter({ ...serviceDefaults, ...params }, input, checkState$1);
    };
    var waitUntilInvalidationForDistributionTenantCompleted = async (params, input) => {
      const serviceDefaults = { minDelay: 20, maxDelay: 600 };
      const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState$1);
      return checkExceptions(result);
    };
    var checkState = async (client, input) => {
      let reason;
      try {
        let result = await client.send(new GetStreamingDistributionCommand(input));
        reason = result;
        try {
          const returnComparator = () => {
            return result.StreamingDistribution.Status;
          };
          if (returnComparator() === "Deployed") {
            return { state: WaiterState.SUCCESS, reason };
          }
        } catch (e2) {
        }
      } catch (exception) {
        reason = exception;
      }
      return { state: WaiterState.RETRY, reason };
    };
    var waitForStreamingDistributionDeployed = async (params, input) => {
      const serviceDefaults = { minDelay: 60, maxDelay: 1500 };
      return createWaiter({ ...serviceDefaults, ...params }, input, checkState);
    };
    var waitUntilStreamingDistributionDeployed = async (params, input) => {
      const serviceDefaults = { minDelay: 60, maxDelay: 1500 };
      const result = await createWaiter({ ...serviceDefaults, ...params }, input, checkState);
      return checkExceptions(result);
    };
    var commands = {
      AssociateAliasCommand,
      AssociateDistributionTenantWebACLCommand,
      AssociateDistributionWebACLCommand,
      CopyDistributionCommand,
      CreateAnycastIpListCommand,
      CreateCachePolicyCommand,
      CreateCloudFrontOriginAccessIdentityCommand,
      CreateConnectionFunctionCommand,
      CreateConnectionGroupCommand,
      CreateContinuousDeploymentPolicyCommand,
      CreateDistributionCommand,
      CreateDistributionTenantCommand,
      CreateDistributionWithTagsCommand,
      CreateFieldLevelEncryptionConfigCommand,
      CreateFieldLevelEncryptionProfileCommand,
      CreateFunctionCommand,
      CreateInvalidationCommand: CreateInvalidationCommand2,
      CreateInvalidationForDistributionTenantCommand,
      CreateKeyGroupCommand,
      CreateKeyValueStoreCommand,
      CreateMonitoringSubscriptionCommand,
      CreateOriginAccessControlCommand,
      CreateOriginRequestPolicyCommand,
      CreatePublicKeyCommand,
      CreateRealtimeLogConfigCommand,
      CreateResponseHeadersPolicyCommand,
      CreateStreamingDistributionCommand,
      CreateStreamingDistributionWithTagsCommand,
      CreateTrustStoreCommand,
      CreateVpcOriginCommand,
      DeleteAnycastIpListCommand,
      DeleteCachePolicyCommand,
      DeleteCloudFrontOriginAccessIdentityCommand,
      DeleteConnectionFunctionCommand,
      DeleteConnectionGroupCommand,
      DeleteContinuousDeploymentPolicyCommand,
      DeleteDistributionCommand,
      DeleteDistributionTenantCommand,
      DeleteFieldLevelEncryptionConfigCommand,
      DeleteFieldLevelEncryptionProfileCommand,
      DeleteFunctionCommand,
      DeleteKeyGroupCommand,
      DeleteKeyValueStoreCommand,
      DeleteMonitoringSubscriptionCommand,
      DeleteOriginAccessControlCommand,
      DeleteOriginRequestPolicyCommand,
      DeletePublicKeyCommand,
      DeleteRealtimeLogConfigCommand,
      DeleteResourcePolicyCommand,
      DeleteResponseHeadersPolicyCommand,
      DeleteStreamingDistributionCommand,
      DeleteTrustStoreCommand,
      DeleteVpcOriginCommand,
      DescribeConnectionFunctionCommand,
      DescribeFunctionCommand,
      DescribeKeyValueStoreCommand,
      DisassociateDistributionTenantWebACLCommand,
      DisassociateDistributionWebACLCommand,
      GetAnycastIpListCommand,
      GetCachePolicyCommand,
      GetCachePolicyConfigCommand,
      GetCloudFrontOriginAccessIdentityCommand,
      GetCloudFrontOriginAccessIdentityConfigCommand,
      GetConnectionFunctionCommand,
      GetConnectionGroupCommand,
      GetConnectionGroupByRoutingEndpointCommand,
      GetContinuousDeploymentPolicyCommand,
      GetContinuousDeploymentPolicyConfigCommand,
      GetDistributionCommand,
      GetDistributionConfigCommand,
      GetDistributionTenantCommand,
      GetDistributionTenantByDomainCommand,
      GetFieldLevelEncryptionCommand,
      GetFieldLevelEncryptionConfigCommand,
      GetFieldLevelEncryptionProfileCommand,
      GetFieldLevelEncryptionProfileConfigCommand,
      GetFunctionCommand,
      GetInvalidationCommand,
      GetInvalidationForDistributionTenantCommand,
      GetKeyGroupCommand,
      GetKeyGroupConfigCommand,
      GetManagedCertificateDetailsCommand,
      GetMonitoringSubscriptionCommand,
      GetOriginAccessControlCommand,
      GetOriginAccessControlConfigCommand,
      GetOriginRequestPolicyCommand,
      GetOriginRequestPolicyConfigCommand,
      GetPublicKeyCommand,
      GetPublicKeyConfigCommand,
      GetRealtimeLogConfigCommand,
      GetResourcePolicyCommand,
      GetResponseHeadersPolicyCommand,
      GetResponseHeadersPolicyConfigCommand,
      GetStreamingDistributionCommand,
      GetStreamingDistributionConfigCommand,
      GetTrustStoreCommand,
      GetVpcOriginCommand,
      ListAnycastIpListsCommand,
      ListCachePoliciesCommand,
      ListCloudFrontOriginAccessIdentitiesCommand,
      ListConflictingAliasesCommand,
      ListConnectionFunctionsCommand,
      ListConnectionGroupsCommand,
      ListContinuousDeploymentPoliciesCommand,
      ListDistributionsCommand,
      ListDistributionsByAnycastIpListIdCommand,
      ListDistributionsByCachePolicyIdCommand,
      ListDistributionsByConnectionFunctionCommand,
      ListDistributionsByConnectionModeCommand,
      ListDistributionsByKeyGroupCommand,
      ListDistributionsByOriginRequestPolicyIdCommand,
      ListDistributionsByOwnedResourceCommand,
      ListDistributionsByRealtimeLogConfigCommand,
      ListDistributionsByResponseHeadersPolicyIdCommand,
      ListDistributionsByTrustStoreCommand,
      ListDistributionsByVpcOriginIdCommand,
      ListDistributionsByWebACLIdCommand,
      ListDistributionTenantsCommand,
      ListDistributionTenantsByCustomizationCommand,
      ListDomainConflictsCommand,
      ListFieldLevelEncryptionConfigsCommand,
      ListFieldLevelEncryptionProfilesCommand,
      ListFunctionsCommand,
      ListInvalidationsCommand,
      ListInvalidationsForDistributionTenantCommand,
      ListKeyGroupsCommand,
      ListKeyValueStoresCommand,
      ListOriginAccessControlsCommand,
      ListOriginRequestPoliciesCommand,
      ListPublicKeysCommand,
      ListRealtimeLogConfigsCommand,
      ListResponseHeadersPoliciesCommand,
      ListStreamingDistributionsCommand,
      ListTagsForResourceCommand,
      ListTrustStoresCommand,
      ListVpcOriginsCommand,
      PublishConnectionFunctionCommand,
      PublishFunctionCommand,
      PutResourcePolicyCommand,
      TagResourceCommand,
      TestConnectionFunctionCommand,
      TestFunctionCommand,
      UntagResourceCommand,
      UpdateAnycastIpListCommand,
      UpdateCachePolicyCommand,
      UpdateCloudFrontOriginAccessIdentityCommand,
      UpdateConnectionFunctionCommand,
      UpdateConnectionGroupCommand,
      UpdateContinuousDeploymentPolicyCommand,
      UpdateDistributionCommand,
      UpdateDistributionTenantCommand,
      UpdateDistributionWithStagingConfigCommand,
      UpdateDomainAssociationCommand,
      UpdateFieldLevelEncryptionConfigCommand,
      UpdateFieldLevelEncryptionProfileCommand,
      UpdateFunctionCommand,
      UpdateKeyGroupCommand,
      UpdateKeyValueStoreCommand,
      UpdateOriginAccessControlCommand,
      UpdateOriginRequestPolicyCommand,
      UpdatePublicKeyCommand,
      UpdateRealtimeLogConfigCommand,
      UpdateResponseHeadersPolicyCommand,
      UpdateStreamingDistributionCommand,
      UpdateTrustStoreCommand,
      UpdateVpcOriginCommand,
      VerifyDnsConfigurationCommand
    };
    var paginators = {
      paginateListCloudFrontOriginAccessIdentities,
      paginateListConnectionFunctions,
      paginateListConnectionGroups,
      paginateListDistributions,
      paginateListDistributionsByConnectionFunction,
      paginateListDistributionsByConnectionMode,
      paginateListDistributionsByTrustStore,
      paginateListDistributionTenants,
      paginateListDistributionTenantsByCustomization,
      paginateListDomainConflicts,
      paginateListInvalidations,
      paginateListInvalidationsForDistributionTenant,
      paginateListKeyValueStores,
      paginateListOriginAccessControls,
      paginateListPublicKeys,
      paginateListStreamingDistributions,
      paginateListTrustStores
    };
    var waiters = {
      waitUntilDistributionDeployed,
      waitUntilInvalidationCompleted: waitUntilInvalidationCompleted2,
      waitUntilInvalidationForDistributionTenantCompleted,
      waitUntilStreamingDistributionDeployed
    };
    var CloudFront = class extends CloudFrontClient2 {
    };
    createAggregatedClient(commands, CloudFront, { paginators, waiters });
    var ResponseHeadersPolicyAccessControlAllowMethodsValues = {
      ALL: "ALL",
      DELETE: "DELETE",
      GET: "GET",
      HEAD: "HEAD",
      OPTIONS: "OPTIONS",
      PATCH: "PATCH",
      POST: "POST",
      PUT: "PUT"
    };
    var ICPRecordalStatus = {
      APPROVED: "APPROVED",
      PENDING: "PENDING",
      SUSPENDED: "SUSPENDED"
    };
    var Method = {
      DELETE: "DELETE",
      GET: "GET",
      HEAD: "HEAD",
      OPTIONS: "OPTIONS",
      PATCH: "PATCH",
      POST: "POST",
      PUT: "PUT"
    };
    var IpAddressType = {
      DualStack: "dualstack",
      Ipv4: "ipv4",
      Ipv6: "ipv6"
    };
    var IpamCidrStatus = {
      Advertised: "advertised",
      Advertising: "advertising",
      Deprovisioned: "deprovisioned",
      Deprovisioning: "deprovisioning",
      FailedAdvertise: "failed-advertise",
      FailedDeprovision: "failed-deprovision",
      FailedProvision: "failed-provision",
      FailedWithdraw: "failed-withdraw",
      Provisioned: "provisioned",
      Provisioning: "provisioning",
      Withdrawing: "withdrawing",
      Withdrawn: "withdrawn"
    };
    var ItemSelection = {
      all: "all",
      none: "none",
      whitelist: "whitelist"
    };
    var EventType = {
      origin_request: "origin-request",
      origin_response: "origin-response",
      viewer_request: "viewer-request",
      viewer_response: "viewer-response"
    };
    var ViewerProtocolPolicy = {
      allow_all: "allow-all",
      https_only: "https-only",
      redirect_to_https: "redirect-to-https"
    };
    var CachePolicyCookieBehavior = {
      all: "all",
      allExcept: "allExcept",
      none: "none",
      whitelist: "whitelist"
    };
    var CachePolicyHeaderBehavior = {
      none: "none",
      whitelist: "whitelist"
    };
    var CachePolicyQueryStringBehavior = {
      all: "all",
      allExcept: "allExcept",
      none: "none",
      whitelist: "whitelist"
    };
    var CachePolicyType = {
      custom: "custom",
      managed: "managed"
    };
    var CertificateSource = {
      acm: "acm",
      cloudfront: "cloudfront",
      iam: "iam"
    };
    var CertificateTransparencyLoggingPreference = {
      Disabled: "disabled",
      Enabled: "enabled"
    };
    var ConnectionMode = {
      Direct: "direct",
      TenantOnly: "tenant-only"
    };
    var HttpVersion = {
      http1_1: "http1.1",
      http2: "http2",
      http2and3: "http2and3",
      http3: "http3"
    };
    var OriginGroupSelectionCriteria = {
      Default: "default",
      MediaQualityBased: "media-quality-based"
    };
    var OriginProtocolPolicy = {
      http_only: "http-only",
      https_only: "https-only",
      match_viewer: "match-viewer"
    };
    var SslProtocol = {
      SSLv3: "SSLv3",
      TLSv1: "TLSv1",
      TLSv1_1: "TLSv1.1",
      TLSv1_2: "TLSv1.2"
    };
    var PriceClass = {
      None: "None",
      PriceClass_100: "PriceClass_100",
      PriceClass_200: "PriceClass_200",
      PriceClass_All: "PriceClass_All"
    };
    var GeoRestrictionType = {
      blacklist: "blacklist",
      none: "none",
      whitelist: "whitelist"
    };
    var MinimumProtocolVersion = {
      SSLv3: "SSLv3",
      TLSv1: "TLSv1",
      TLSv1_1_2016: "TLSv1.1_2016",
      TLSv1_2016: "TLSv1_2016",
      TLSv1_2_2018: "TLSv1.2_2018",
      TLSv1_2_2019: "TLSv1.2_2019",
      TLSv1_2_2021: "TLSv1.2_2021",
      TLSv1_2_2025: "TLSv1.2_2025",
      TLSv1_3_2025: "TLSv1.3_2025"
    };
    var SSLSupportMethod = {
      sni_only: "sni-only",
      static_ip: "static-ip",
      vip: "vip"
    };
    var ViewerMtlsMode = {
      Optional: "optional",
      Passthrough: "passthrough",
      Required: "required"
    };
    var FunctionRuntime = {
      cloudfront_js_1_0: "cloudfront-js-1.0",
      cloudfront_js_2_0: "cloudfront-js-2.0"
    };
    var FunctionStage = {
      DEVELOPMENT: "DEVELOPMENT",
      LIVE: "LIVE"
    };
    var ContinuousDeploymentPolicyType = {
      SingleHeader: "SingleHeader",
      SingleWeight: "SingleWeight"
    };
    var CustomizationActionType = {
      disable: "disable",
      override: "override"
    };
    var ValidationTokenHost = {
      CloudFront: "cloudfront",
      SelfHosted: "self-hosted"
    };
    var DomainStatus = {
      Active: "active",
      Inactive: "inactive"
    };
    var Format = {
      URLEncoded: "URLEncoded"
    };
    var ImportSourceType = {
      S3: "S3"
    };
    var RealtimeMetricsSubscriptionStatus = {
      Disabled: "Disabled",
      Enabled: "Enabled"
    };
    var OriginAccessControlOriginTypes = {
      lambda: "lambda",
      mediapackagev2: "mediapackagev2",
      mediastore: "mediastore",
      s3: "s3"
    };
    var OriginAccessControlSigningBehaviors = {
      always: "always",
      always_amz_auth: "always-amz-auth",
      never: "never",
      no_override: "no-override"
    };
    var OriginAccessControlSigningProtocols = {
      sigv4: "sigv4",
      sigv4a: "sigv4a"
    };
    var OriginRequestPolicyCookieBehavior = {
      all: "all",
      allExcept: "allExcept",
      none: "none",
      whitelist: "whitelist"
    };
    var OriginRequestPolicyHeaderBehavior = {
      allExcept: "allExcept",
      allViewer: "allViewer",
      allViewerAndWhitelistCloudFront: "allViewerAndWhitelistCloudFront",
      none: "none",
      whitelist: "whitelist"
    };
    var OriginRequestPolicyQueryStringBehavior = {
      all: "all",
      allExcept: "allExcept",
      none: "none",
      whitelist: "whitelist"
    };
    var FrameOptionsList = {
      DENY: "DENY",
      SAMEORIGIN: "SAMEORIGIN"
    };
    var ReferrerPolicyList = {
      no_referrer: "no-referrer",
      no_referrer_when_downgrade: "no-referrer-when-downgrade",
      origin: "origin",
      origin_when_cross_origin: "origin-when-cross-origin",
      same_origin: "same-origin",
      strict_origin: "strict-origin",
      strict_origin_when_cross_origin: "strict-origin-when-cross-origin",
      unsafe_url: "unsafe-url"
    };
    var TrustStoreStatus = {
      Active: "active",
      Failed: "failed",
      Pending: "pending"
    };
    var VpcIpAddressType = {
      DualStack: "dualstack",
      Ipv4: "ipv4"
    };
    var ManagedCertificateStatus = {
      Expired: "expired",
      Failed: "failed",
      Inactive: "inactive",
      Issued: "issued",
      PendingValidation: "pending-validation",
      Revoked: "revoked",
      ValidationTimedOut: "validation-timed-out"
    };
    var DistributionResourceType = {
      Distribution: "distribution",
      DistributionTenant: "distribution-tenant"
    };
    var OriginRequestPolicyType = {
      custom: "custom",
      managed: "managed"
    };
    var ResponseHeadersPolicyType = {
      custom: "custom",
      managed: "managed"
    };
    var DnsConfigurationStatus = {
      Invalid: "invalid-configuration",
      Unknown: "unknown-configuration",
      Valid: "valid-configuration"
    };
    exports.AccessDenied = AccessDenied;
    exports.AccessDenied$ = AccessDenied$;
    exports.ActiveTrustedKeyGroups$ = ActiveTrustedKeyGroups$;
    exports.ActiveTrustedSigners$ = ActiveTrustedSigners$;
    exports.AliasICPRecordal$ = AliasICPRecordal$;
    exports.Aliases$ = Aliases$;
    exports.AllowedMethods$ = AllowedMethods$;
    exports.AnycastIpList$ = AnycastIpList$;
    exports.AnycastIpListCollection$ = AnycastIpListCollection$;
    exports.AnycastIpListSummary$ = AnycastIpListSummary$;
    exports.AssociateAlias$ = AssociateAlias$;
    exports.AssociateAliasCommand = AssociateAliasCommand;
    exports.AssociateAliasRequest$ = AssociateAliasRequest$;
    exports.AssociateDistributionTenantWebACL$ = AssociateDistributionTenantWebACL$;
    exports.AssociateDistributionTenantWebACLCommand = AssociateDistributionTenantWebACLCommand;
    exports.AssociateDistributionTenantWebACLRequest$ = AssociateDistributionTenantWebACLRequest$;
    exports.AssociateDistributionTenantWebACLResult$ = AssociateDistributionTenantWebACLResult$;
    exports.AssociateDistributionWebACL$ = AssociateDistributionWebACL$;
    exports.AssociateDistributionWebACLCommand = AssociateDistributionWebACLCommand;
    exports.AssociateDistributionWebACLRequest$ = AssociateDistributionWebACLRequest$;
    exports.AssociateDistributionWebACLResult$ = AssociateDistributionWebACLResult$;
    exports.BatchTooLarge = BatchTooLarge;
    exports.BatchTooLarge$ = BatchTooLarge$;
    exports.CNAMEAlreadyExists = CNAMEAlreadyExists;
    exports.CNAMEAlreadyExists$ = CNAMEAlreadyExists$;
    exports.CaCertificatesBundleS3Location$ = CaCertificatesBundleS3Location$;
    exports.CaCertificatesBundleSource$ = CaCertificatesBundleSource$;
    exports.CacheBehavior$ = CacheBehavior$;
    exports.CacheBehaviors$ = CacheBehaviors$;
    exports.CachePolicy$ = CachePolicy$;
    exports.CachePolicyAlreadyExists = CachePolicyAlreadyExists;
    exports.CachePolicyAlreadyExists$ = CachePolicyAlreadyExists$;
    exports.CachePolicyConfig$ = CachePolicyConfig$;
    exports.CachePolicyCookieBehavior = CachePolicyCookieBehavior;
    exports.CachePolicyCookiesConfig$ = CachePolicyCookiesConfig$;
    exports.CachePolicyHeaderBehavior = CachePolicyHeaderBehavior;
    exports.CachePolicyHeadersConfig$ = CachePolicyHeadersConfig$;
    exports.CachePolicyInUse = CachePolicyInUse;
    exports.CachePolicyInUse$ = CachePolicyInUse$;
    exports.CachePolicyList$ = CachePolicyList$;
    exports.CachePolicyQueryStringBehavior = CachePolicyQueryStringBehavior;
    exports.CachePolicyQueryStringsConfig$ = CachePolicyQueryStringsConfig$;
    exports.CachePolicySummary$ = CachePolicySummary$;
    exports.CachePolicyType = CachePolicyType;
    exports.CacheTagConfig$ = CacheTagConfig$;
    exports.CachedMethods$ = CachedMethods$;
    exports.CannotChangeImmutablePublicKeyFields = CannotChangeImmutablePublicKeyFields;
    exports.CannotChangeImmutablePublicKeyFields$ = CannotChangeImmutablePublicKeyFields$;
    exports.CannotDeleteEntityWhileInUse = CannotDeleteEntityWhileInUse;
    exports.CannotDeleteEntityWhileInUse$ = CannotDeleteEntityWhileInUse$;
    exports.CannotUpdateEntityWhileInUse = CannotUpdateEntityWhileInUse;
    exports.CannotUpdateEntityWhileInUse$ = CannotUpdateEntityWhileInUse$;
    exports.Certificate$ = Certificate$;
    exports.CertificateSource = CertificateSource;
    exports.CertificateTransparencyLoggingPreference = CertificateTransparencyLoggingPreference;
    exports.CloudFront = CloudFront;
    exports.CloudFrontClient = CloudFrontClient2;
    exports.CloudFrontOriginAccessIdentity$ = CloudFrontOriginAccessIdentity$;
    exports.CloudFrontOriginAccessIdentityAlreadyExists = CloudFrontOriginAccessIdentityAlreadyExists;
    exports.CloudFrontOriginAccessIdentityAlreadyExists$ = CloudFrontOriginAccessIdentityAlreadyExists$;
    exports.CloudFrontOriginAccessIdentityConfig$ = CloudFrontOriginAccessIdentityConfig$;
    exports.CloudFrontOriginAccessIdentityInUse = CloudFrontOriginAccessIdentityInUse;
    exports.CloudFrontOriginAccessIdentityInUse$ = CloudFrontOriginAccessIdentityInUse$;
    exports.CloudFrontOriginAccessIdentityList$ = CloudFrontOriginAccessIdentityList$;
    exports.CloudFrontOriginAccessIdentitySummary$ = CloudFrontOriginAccessIdentitySummary$;
    exports.CloudFrontServiceException = CloudFrontServiceException;
    exports.CloudFrontServiceException$ = CloudFrontServiceException$;
    exports.ConflictingAlias$ = ConflictingAlias$;
    exports.ConflictingAliasesList$ = ConflictingAliasesList$;
    exports.ConnectionFunctionAssociation$ = ConnectionFunctionAssociation$;
    exports.ConnectionFunctionSummary$ = ConnectionFunctionSummary$;
    exports.ConnectionFunctionTestResult$ = ConnectionFunctionTestResult$;
    exports.ConnectionGroup$ = ConnectionGroup$;
    exports.ConnectionGroupAssociationFilter$ = ConnectionGroupAssociationFilter$;
    exports.ConnectionGroupSummary$ = ConnectionGroupSummary$;
    exports.ConnectionMode = ConnectionMode;
    exports.ContentTypeProfile$ = ContentTypeProfile$;
    exports.ContentTypeProfileConfig$ = ContentTypeProfileConfig$;
    exports.ContentTypeProfiles$ = ContentTypeProfiles$;
    exports.ContinuousDeploymentPolicy$ = ContinuousDeploymentPolicy$;
    exports.ContinuousDeploymentPolicyAlreadyExists = ContinuousDeploymentPolicyAlreadyExists;
    exports.ContinuousDeploymentPolicyAlreadyExists$ = ContinuousDeploymentPolicyAlreadyExists$;
    exports.ContinuousDeploymentPolicyConfig$ = ContinuousDeploymentPolicyConfig$;
    exports.ContinuousDeploymentPolicyInUse = ContinuousDeploymentPolicyInUse;
    exports.ContinuousDeploymentPolicyInUse$ = ContinuousDeploymentPolicyInUse$;
    exports.ContinuousDeploymentPolicyList$ = ContinuousDeploymentPolicyList$;
    exports.ContinuousDeploymentPolicySummary$ = ContinuousDeploymentPolicySummary$;
    exports.ContinuousDeploymentPolicyType = ContinuousDeploymentPolicyType;
    exports.ContinuousDeploymentSingleHeaderConfig$ = ContinuousDeploymentSingleHeaderConfig$;
    exports.ContinuousDeploymentSingleWeightConfig$ = ContinuousDeploymentSingleWeightConfig$;
    exports.CookieNames$ = CookieNames$;
    exports.CookiePreference$ = CookiePreference$;
    exports.CopyDistribution$ = CopyDistribution$;
    exports.CopyDistributionCommand = CopyDistributionCommand;
    exports.CopyDistributionRequest$ = CopyDistributionRequest$;
    exports.CopyDistributionResult$ = CopyDistributionResult$;
    exports.CreateAnycastIpList$ = CreateAnycastIpList$;
    exports.CreateAnycastIpListCommand = CreateAnycastIpListCommand;
    exports.CreateAnycastIpListRequest$ = CreateAnycastIpListRequest$;
    exports.CreateAnycastIpListResult$ = CreateAnycastIpListResult$;
    exports.CreateCachePolicy$ = CreateCachePolicy$;
    exports.CreateCachePolicyCommand = CreateCachePolicyCommand;
    exports.CreateCachePolicyRequest$ = CreateCachePolicyRequest$;
    exports.CreateCachePolicyResult$ = CreateCachePolicyResult$;
    exports.CreateCloudFrontOriginAccessIdentity$ = CreateCloudFrontOriginAccessIdentity$;
    exports.CreateCloudFrontOriginAccessIdentityCommand = CreateCloudFrontOriginAccessIdentityCommand;
    exports.CreateCloudFrontOriginAccessIdentityRequest$ = CreateCloudFrontOriginAccessIdentityRequest$;
    exports.CreateCloudFrontOriginAccessIdentityResult$ = CreateCloudFrontOriginAccessIdentityResult$;
    exports.CreateConnectionFunction$ = CreateConnectionFunction$;
    exports.CreateConnectionFunctionCommand = CreateConnectionFunctionCommand;
    exports.CreateConnectionFunctionRequest$ = CreateConnectionFunctionRequest$;
    exports.CreateConnectionFunctionResult$ = CreateConnectionFunctionResult$;
    exports.CreateConnectionGroup$ = CreateConnectionGroup$;
    exports.CreateConnectionGroupCommand = CreateConnectionGroupCommand;
    exports.CreateConnectionGroupRequest$ = CreateConnectionGroupRequest$;
    exports.CreateConnectionGroupResult$ = CreateConnectionGroupResult$;
    exports.CreateContinuousDeploymentPolicy$ = CreateContinuousDeploymentPolicy$;
    exports.CreateContinuousDeploymentPolicyCommand = CreateContinuousDeploymentPolicyCommand;
    exports.CreateContinuousDeploymentPolicyRequest$ = CreateContinuousDeploymentPolicyRequest$;
    exports.CreateContinuousDeploymentPolicyResult$ = CreateContinuousDeploymentPolicyResult$;
    exports.CreateDistribution$ = CreateDistribution$;
    exports.CreateDistributionCommand = CreateDistributionCommand;
    exports.CreateDistributionRequest$ = CreateDistributionRequest$;
    exports.CreateDistributionResult$ = CreateDistributionResult$;
    exports.CreateDistributionTenant$ = CreateDistributionTenant$;
    exports.CreateDistributionTenantCommand = CreateDistributionTenantCommand;
    exports.CreateDistributionTenantRequest$ = CreateDistributionTenantRequest$;
    exports.CreateDistributionTenantResult$ = CreateDistributionTenantResult$;
    exports.CreateDistributionWithTags$ = CreateDistributionWithTags$;
    exports.CreateDistributionWithTagsCommand = CreateDistributionWithTagsCommand;
    exports.CreateDistributionWithTagsRequest$ = CreateDistributionWithTagsRequest$;
    exports.CreateDistributionWithTagsResult$ = CreateDistributionWithTagsResult$;
    exports.CreateFieldLevelEncryptionConfig$ = CreateFieldLevelEncryptionConfig$;
    exports.CreateFieldLevelEncryptionConfigCommand = CreateFieldLevelEncryptionConfigCommand;
    exports.CreateFieldLevelEncryptionConfigRequest$ = CreateFieldLevelEncryptionConfigRequest$;
    exports.CreateFieldLevelEncryptionConfigResult$ = CreateFieldLevelEncryptionConfigResult$;
    exports.CreateFieldLevelEncryptionProfile$ = CreateFieldLevelEncryptionProfile$;
    exports.CreateFieldLevelEncryptionProfileCommand = CreateFieldLevelEncryptionProfileCommand;
    exports.CreateFieldLevelEncryptionProfileRequest$ = CreateFieldLevelEncryptionProfileRequest$;
    exports.CreateFieldLevelEncryptionProfileResult$ = CreateFieldLevelEncryptionProfileResult$;
    exports.CreateFunction$ = CreateFunction$;
    exports.CreateFunctionCommand = CreateFunctionCommand;
    exports.CreateFunctionRequest$ = CreateFunctionRequest$;
    exports.CreateFunctionResult$ = CreateFunctionResult$;
    exports.CreateInvalidation$ = CreateInvalidation$;
    exports.CreateInvalidationCommand = CreateInvalidationCommand2;
    exports.CreateInvalidationForDistributionTenant$ = CreateInvalidationForDistributionTenant$;
    exports.CreateInvalidationForDistributionTenantCommand = CreateInvalidationForDistributionTenantCommand;
    exports.CreateInvalidationForDistributionTenantRequest$ = CreateInvalidationForDistributionTenantRequest$;
    exports.CreateInvalidationForDistributionTenantResult$ = CreateInvalidationForDistributionTenantResult$;
    exports.CreateInvalidationRequest$ = CreateInvalidationRequest$;
    exports.CreateInvalidationResult$ = CreateInvalidationResult$;
    exports.CreateKeyGroup$ = CreateKeyGroup$;
    exports.CreateKeyGroupCommand = CreateKeyGroupCommand;
    exports.CreateKeyGroupRequest$ = CreateKeyGroupRequest$;
    exports.CreateKeyGroupResult$ = CreateKeyGroupResult$;
    exports.CreateKeyValueStore$ = CreateKeyValueStore$;
    exports.CreateKeyValueStoreCommand = CreateKeyValueStoreCommand;
    exports.CreateKeyValueStoreRequest$ = CreateKeyValueStoreRequest$;
    exports.CreateKeyValueStoreResult$ = CreateKeyValueStoreResult$;
    exports.CreateMonitoringSubscription$ = CreateMonitoringSubscription$;
    exports.CreateMonitoringSubscriptionCommand = CreateMonitoringSubscriptionCommand;
    exports.CreateMonitoringSubscriptionRequest$ = CreateMonitoringSubscriptionRequest$;
    exports.CreateMonitoringSubscriptionResult$ = CreateMonitoringSubscriptionResult$;
    exports.CreateOriginAccessControl$ = CreateOriginAccessControl$;
    exports.CreateOriginAccessControlCommand = CreateOriginAccessControlCommand;
    exports.CreateOriginAccessControlRequest$ = CreateOriginAccessControlRequest$;
    exports.CreateOriginAccessControlResult$ = CreateOriginAccessControlResult$;
    exports.CreateOriginRequestPolicy$ = CreateOriginRequestPolicy$;
    exports.CreateOriginRequestPolicyCommand = CreateOriginRequestPolicyCommand;
    exports.CreateOriginRequestPolicyRequest$ = CreateOriginRequestPolicyRequest$;
    exports.CreateOriginRequestPolicyResult$ = CreateOriginRequestPolicyResult$;
    exports.CreatePublicKey$ = CreatePublicKey$;
    exports.CreatePublicKeyCommand = CreatePublicKeyCommand;
    exports.CreatePublicKeyRequest$ = CreatePublicKeyRequest$;
    exports.CreatePublicKeyResult$ = CreatePublicKeyResult$;
    exports.CreateRealtimeLogConfig$ = CreateRealtimeLogConfig$;
    exports.CreateRealtimeLogConfigCommand = CreateRealtimeLogConfigCommand;
    exports.CreateRealtimeLogConfigRequest$ = CreateRealtimeLogConfigRequest$;
    exports.CreateRealtimeLogConfigResult$ = CreateRealtimeLogConfigResult$;
    exports.CreateResponseHeadersPolicy$ = CreateResponseHeadersPolicy$;
    exports.CreateResponseHeadersPolicyCommand = CreateResponseHeadersPolicyCommand;
    exports.CreateResponseHeadersPolicyRequest$ = CreateResponseHeadersPolicyRequest$;
    exports.CreateResponseHeadersPolicyResult$ = CreateResponseHeadersPolicyResult$;
    exports.CreateStreamingDistribution$ = CreateStreamingDistribution$;
    exports.CreateStreamingDistributionCommand = CreateStreamingDistributionCommand;
    exports.CreateStreamingDistributionRequest$ = CreateStreamingDistributionRequest$;
    exports.CreateStreamingDistributionResult$ = CreateStreamingDistributionResult$;
    exports.CreateStreamingDistributionWithTags$ = CreateStreamingDistributionWithTags$;
    exports.CreateStreamingDistributionWithTagsCommand = CreateStreamingDistributionWithTagsCommand;
    exports.CreateStreamingDistributionWithTagsRequest$ = CreateStreamingDistributionWithTagsRequest$;
    exports.CreateStreamingDistributionWithTagsResult$ = CreateStreamingDistributionWithTagsResult$;
    exports.CreateTrustStore$ = CreateTrustStore$;
    exports.CreateTrustStoreCommand = CreateTrustStoreCommand;
    exports.CreateTrustStoreRequest$ = CreateTrustStoreRequest$;
    exports.CreateTrustStoreResult$ = CreateTrustStoreResult$;
    exports.CreateVpcOrigin$ = CreateVpcOrigin$;
    exports.CreateVpcOriginCommand = CreateVpcOriginCommand;
    exports.CreateVpcOriginRequest$ = CreateVpcOriginRequest$;
    exports.CreateVpcOriginResult$ = CreateVpcOriginResult$;
    exports.CustomErrorResponse$ = CustomErrorResponse$;
    exports.CustomErrorResponses$ = CustomErrorResponses$;
    exports.CustomHeaders$ = CustomHeaders$;
    exports.CustomOriginConfig$ = CustomOriginConfig$;
    exports.CustomizationActionType = CustomizationActionType;
    exports.Customizations$ = Customizations$;
    exports.DefaultCacheBehavior$ = DefaultCacheBehavior$;
    exports.DeleteAnycastIpList$ = DeleteAnycastIpList$;
    exports.DeleteAnycastIpListCommand = DeleteAnycastIpListCommand;
    exports.DeleteAnycastIpListRequest$ = DeleteAnycastIpListRequest$;
    exports.DeleteCachePolicy$ = DeleteCachePolicy$;
    exports.DeleteCachePolicyCommand = DeleteCachePolicyCommand;
    exports.DeleteCachePolicyRequest$ = DeleteCachePolicyRequest$;
    exports.DeleteCloudFrontOriginAccessIdentity$ = DeleteCloudFrontOriginAccessIdentity$;
    exports.DeleteCloudFrontOriginAccessIdentityCommand = DeleteCloudFrontOriginAccessIdentityCommand;
    exports.DeleteCloudFrontOriginAccessIdentityRequest$ = DeleteCloudFrontOriginAccessIdentityRequest$;
    exports.DeleteConnectionFunction$ = DeleteConnectionFunction$;
    exports.DeleteConnectionFunctionCommand = DeleteConnectionFunctionCommand;
    exports.DeleteConnectionFunctionRequest$ = DeleteConnectionFunctionRequest$;
    exports.DeleteConnectionGroup$ = DeleteConnectionGroup$;
    exports.DeleteConnectionGroupCommand = DeleteConnectionGroupCommand;
    exports.DeleteConnectionGroupRequest$ = DeleteConnectionGroupRequest$;
    exports.DeleteContinuousDeploymentPolicy$ = DeleteContinuousDeploymentPolicy$;
    exports.DeleteContinuousDeploymentPolicyCommand = DeleteContinuousDeploymentPolicyCommand;
    exports.DeleteContinuousDeploymentPolicyRequest$ = DeleteContinuousDeploymentPolicyRequest$;
    exports.DeleteDistribution$ = DeleteDistribution$;
    exports.DeleteDistributionCommand = DeleteDistributionCommand;
    exports.DeleteDistributionRequest$ = DeleteDistributionRequest$;
    exports.DeleteDistributionTenant$ = DeleteDistributionTenant$;
    exports.DeleteDistributionTenantCommand = DeleteDistributionTenantCommand;
    exports.DeleteDistributionTenantRequest$ = DeleteDistributionTenantRequest$;
    exports.DeleteFieldLevelEncryptionConfig$ = DeleteFieldLevelEncryptionConfig$;
    exports.DeleteFieldLevelEncryptionConfigCommand = DeleteFieldLevelEncryptionConfigCommand;
    exports.DeleteFieldLevelEncryptionConfigRequest$ = DeleteFieldLevelEncryptionConfigRequest$;
    exports.DeleteFieldLevelEncryptionProfile$ = DeleteFieldLevelEncryptionProfile$;
    exports.DeleteFieldLevelEncryptionProfileCommand = DeleteFieldLevelEncryptionProfileCommand;
    exports.DeleteFieldLevelEncryptionProfileRequest$ = DeleteFieldLevelEncryptionProfileRequest$;
    exports.DeleteFunction$ = DeleteFunction$;
    exports.DeleteFunctionCommand = DeleteFunctionCommand;
    exports.DeleteFunctionRequest$ = DeleteFunctionRequest$;
    exports.DeleteKeyGroup$ = DeleteKeyGroup$;
    exports.DeleteKeyGroupCommand = DeleteKeyGroupCommand;
    exports.DeleteKeyGroupRequest$ = DeleteKeyGroupRequest$;
    exports.DeleteKeyValueStore$ = DeleteKeyValueStore$;
    exports.DeleteKeyValueStoreCommand = DeleteKeyValueStoreCommand;
    exports.DeleteKeyValueStoreRequest$ = DeleteKeyValueStoreRequest$;
    exports.DeleteMonitoringSubscription$ = DeleteMonitoringSubscription$;
    exports.DeleteMonitoringSubscriptionCommand = DeleteMonitoringSubscriptionCommand;
    exports.DeleteMonitoringSubscriptionRequest$ = DeleteMonitoringSubscriptionRequest$;
    exports.DeleteMonitoringSubscriptionResult$ = DeleteMonitoringSubscriptionResult$;
    exports.DeleteOriginAccessControl$ = DeleteOriginAccessControl$;
    exports.DeleteOriginAccessControlCommand = DeleteOriginAccessControlCommand;
    exports.DeleteOriginAccessControlRequest$ = DeleteOriginAccessControlRequest$;
    exports.DeleteOriginRequestPolicy$ = DeleteOriginRequestPolicy$;
    exports.DeleteOriginRequestPolicyCommand = DeleteOriginRequestPolicyCommand;
    exports.DeleteOriginRequestPolicyRequest$ = DeleteOriginRequestPolicyRequest$;
    exports.DeletePublicKey$ = DeletePublicKey$;
    exports.DeletePublicKeyCommand = DeletePublicKeyCommand;
    exports.DeletePublicKeyRequest$ = DeletePublicKeyRequest$;
    exports.DeleteRealtimeLogConfig$ = DeleteRealtimeLogConfig$;
    exports.DeleteRealtimeLogConfigCommand = DeleteRealtimeLogConfigCommand;
    exports.DeleteRealtimeLogConfigRequest$ = DeleteRealtimeLogConfigRequest$;
    exports.DeleteResourcePolicy$ = DeleteResourcePolicy$;
    exports.DeleteResourcePolicyCommand = DeleteResourcePolicyCommand;
    exports.DeleteResourcePolicyRequest$ = DeleteResourcePolicyRequest$;
    exports.DeleteResponseHeadersPolicy$ = DeleteResponseHeadersPolicy$;
    exports.DeleteResponseHeadersPolicyCommand = DeleteResponseHeadersPolicyCommand;
    exports.DeleteResponseHeadersPolicyRequest$ = DeleteResponseHeadersPolicyRequest$;
    exports.DeleteStreamingDistribution$ = DeleteStreamingDistribution$;
    exports.DeleteStreamingDistributionCommand = DeleteStreamingDistributionCommand;
    exports.DeleteStreamingDistributionRequest$ = DeleteStreamingDistributionRequest$;
    exports.DeleteTrustStore$ = DeleteTrustStore$;
    exports.DeleteTrustStoreCommand = DeleteTrustStoreCommand;
    exports.DeleteTrustStoreRequest$ = DeleteTrustStoreRequest$;
    exports.DeleteVpcOrigin$ = DeleteVpcOrigin$;
    exports.DeleteVpcOriginCommand = DeleteVpcOriginCommand;
    exports.DeleteVpcOriginRequest$ = DeleteVpcOriginRequest$;
    exports.DeleteVpcOriginResult$ = DeleteVpcOriginResult$;
    exports.DescribeConnectionFunction$ = DescribeConnectionFunction$;
    exports.DescribeConnectionFunctionCommand = DescribeConnectionFunctionCommand;
    exports.DescribeConnectionFunctionRequest$ = DescribeConnectionFunctionRequest$;
    exports.DescribeConnectionFunctionResult$ = DescribeConnectionFunctionResult$;
    exports.DescribeFunction$ = DescribeFunction$;
    exports.DescribeFunctionCommand = DescribeFunctionCommand;
    exports.DescribeFunctionRequest$ = DescribeFunctionRequest$;
    exports.DescribeFunctionResult$ = DescribeFunctionResult$;
    exports.DescribeKeyValueStore$ = DescribeKeyValueStore$;
    exports.DescribeKeyValueStoreCommand = DescribeKeyValueStoreCommand;
    exports.DescribeKeyValueStoreRequest$ = DescribeKeyValueStoreRequest$;
    exports.DescribeKeyValueStoreResult$ = DescribeKeyValueStoreResult$;
    exports.DisassociateDistributionTenantWebACL$ = DisassociateDistributionTenantWebACL$;
    exports.DisassociateDistributionTenantWebACLCommand = DisassociateDistributionTenantWebACLCommand;
    exports.DisassociateDistributionTenantWebACLRequest$ = DisassociateDistributionTenantWebACLRequest$;
    exports.DisassociateDistributionTenantWebACLResult$ = DisassociateDistributionTenantWebACLResult$;
    exports.DisassociateDistributionWebACL$ = DisassociateDistributionWebACL$;
    exports.DisassociateDistributionWebACLCommand = DisassociateDistributionWebACLCommand;
    exports.DisassociateDistributionWebACLRequest$ = DisassociateDistributionWebACLRequest$;
    exports.DisassociateDistributionWebACLResult$ = DisassociateDistributionWebACLResult$;
    exports.Distribution$ = Distribution$;
    exports.DistributionAlreadyExists = DistributionAlreadyExists;
    exports.DistributionAlreadyExists$ = DistributionAlreadyExists$;
    exports.DistributionConfig$ = DistributionConfig$;
    exports.DistributionConfigWithTags$ = DistributionConfigWithTags$;
    exports.DistributionIdList$ = DistributionIdList$;
    exports.DistributionIdOwner$ = DistributionIdOwner$;
    exports.DistributionIdOwnerList$ = DistributionIdOwnerList$;
    exports.DistributionList$ = DistributionList$;
    exports.DistributionNotDisabled = DistributionNotDisabled;
    exports.DistributionNotDisabled$ = DistributionNotDisabled$;
    exports.DistributionResourceId$ = DistributionResourceId$;
    exports.DistributionResourceType = DistributionResourceType;
    exports.DistributionSummary$ = DistributionSummary$;
    exports.DistributionTenant$ = DistributionTenant$;
    exports.DistributionTenantAssociationFilter$ = DistributionTenantAssociationFilter$;
    exports.DistributionTenantSummary$ = DistributionTenantSummary$;
    exports.DnsConfiguration$ = DnsConfiguration$;
    exports.DnsConfigurationStatus = DnsConfigurationStatus;
    exports.DomainConflict$ = DomainConflict$;
    exports.DomainItem$ = DomainItem$;
    exports.DomainResult$ = DomainResult$;
    exports.DomainStatus = DomainStatus;
    exports.EncryptionEntities$ = EncryptionEntities$;
    exports.EncryptionEntity$ = EncryptionEntity$;
    exports.EndPoint$ = EndPoint$;
    exports.EntityAlreadyExists = EntityAlreadyExists;
    exports.EntityAlreadyExists$ = EntityAlreadyExists$;
    exports.EntityLimitExceeded = EntityLimitExceeded;
    exports.EntityLimitExceeded$ = EntityLimitExceeded$;
    exports.EntityNotFound = EntityNotFound;
    exports.EntityNotFound$ = EntityNotFound$;
    exports.EntitySizeLimitExceeded = EntitySizeLimitExceeded;
    exports.EntitySizeLimitExceeded$ = EntitySizeLimitExceeded$;
    exports.EventType = EventType;
    exports.FieldLevelEncryption$ = FieldLevelEncryption$;
    exports.FieldLevelEncryptionConfig$ = FieldLevelEncryptionConfig$;
    exports.FieldLevelEncryptionConfigAlreadyExists = FieldLevelEncryptionConfigAlreadyExists;
    exports.FieldLevelEncryptionConfigAlreadyExists$ = FieldLevelEncryptionConfigAlreadyExists$;
    exports.FieldLevelEncryptionConfigInUse = FieldLevelEncryptionConfigInUse;
    exports.FieldLevelEncryptionConfigInUse$ = FieldLevelEncryptionConfigInUse$;
    exports.FieldLevelEncryptionList$ = FieldLevelEncryptionList$;
    exports.FieldLevelEncryptionProfile$ = FieldLevelEncryptionProfile$;
    exports.FieldLevelEncryptionProfileAlreadyExists = FieldLevelEncryptionProfileAlreadyExists;
    exports.FieldLevelEncryptionProfileAlreadyExists$ = FieldLevelEncryptionProfileAlreadyExists$;
    exports.FieldLevelEncryptionProfileConfig$ = FieldLevelEncryptionProfileConfig$;
    exports.FieldLevelEncryptionProfileInUse = FieldLevelEncryptionProfileInUse;
    exports.FieldLevelEncryptionProfileInUse$ = FieldLevelEncryptionProfileInUse$;
    exports.FieldLevelEncryptionProfileList$ = FieldLevelEncryptionProfileList$;
    exports.FieldLevelEncryptionProfileSizeExceeded = FieldLevelEncryptionProfileSizeExceeded;
    exports.FieldLevelEncryptionProfileSizeExceeded$ = FieldLevelEncryptionProfileSizeExceeded$;
    exports.FieldLevelEncryptionProfileSummary$ = FieldLevelEncryptionProfileSummary$;
    exports.FieldLevelEncryptionSummary$ = FieldLevelEncryptionSummary$;
    exports.FieldPatterns$ = FieldPatterns$;
    exports.Format = Format;
    exports.ForwardedValues$ = ForwardedValues$;
    exports.FrameOptionsList = FrameOptionsList;
    exports.FunctionAlreadyExists = FunctionAlreadyExists;
    exports.FunctionAlreadyExists$ = FunctionAlreadyExists$;
    exports.FunctionAssociation$ = FunctionAssociation$;
    exports.FunctionAssociations$ = FunctionAssociations$;
    exports.FunctionConfig$ = FunctionConfig$;
    exports.FunctionInUse = FunctionInUse;
    exports.FunctionInUse$ = FunctionInUse$;
    exports.FunctionList$ = FunctionList$;
    exports.FunctionMetadata$ = FunctionMetadata$;
    exports.FunctionRuntime = FunctionRuntime;
    exports.FunctionSizeLimitExceeded = FunctionSizeLimitExceeded;
    exports.FunctionSizeLimitExceeded$ = FunctionSizeLimitExceeded$;
    exports.FunctionStage = FunctionStage;
    exports.FunctionSummary$ = FunctionSummary$;
    exports.GeoRestriction$ = GeoRestriction$;
    exports.GeoRestrictionCustomization$ = GeoRestrictionCustomization$;
    exports.GeoRestrictionType = GeoRestrictionType;
    exports.GetAnycastIpList$ = GetAnycastIpList$;
    exports.GetAnycastIpListCommand = GetAnycastIpListCommand;
    exports.GetAnycastIpListRequest$ = GetAnycastIpListRequest$;
    exports.GetAnycastIpListResult$ = GetAnycastIpListResult$;
    exports.GetCachePolicy$ = GetCachePolicy$;
    exports.GetCachePolicyCommand = GetCachePolicyCommand;
    exports.GetCachePolicyConfig$ = GetCachePolicyConfig$;
    exports.GetCachePolicyConfigCommand = GetCachePolicyConfigCommand;
    exports.GetCachePolicyConfigRequest$ = GetCachePolicyConfigRequest$;
    exports.GetCachePolicyConfigResult$ = GetCachePolicyConfigResult$;
    exports.GetCachePolicyRequest$ = GetCachePolicyRequest$;
    exports.GetCachePolicyResult$ = GetCachePolicyResult$;
    exports.GetCloudFrontOriginAccessIdentity$ = GetCloudFrontOriginAccessIdentity$;
    exports.GetCloudFrontOriginAccessIdentityCommand = GetCloudFrontOriginAccessIdentityCommand;
    exports.GetCloudFrontOriginAccessIdentityConfig$ = GetCloudFrontOriginAccessIdentityConfig$;
    exports.GetCloudFrontOriginAccessIdentityConfigCommand = GetCloudFrontOriginAccessIdentityConfigCommand;
    exports.GetCloudFrontOriginAccessIdentityConfigRequest$ = GetCloudFrontOriginAccessIdentityConfigRequest$;
    exports.GetCloudFrontOriginAccessIdentityConfigResult$ = GetCloudFrontOriginAccessIdentityConfigResult$;
    exports.GetCloudFrontOriginAccessIdentityRequest$ = GetCloudFrontOriginAccessIdentityRequest$;
    exports.GetCloudFrontOriginAccessIdentityResult$ = GetCloudFrontOriginAccessIdentityResult$;
    exports.GetConnectionFunction$ = GetConnectionFunction$;
    exports.GetConnectionFunctionCommand = GetConnectionFunctionCommand;
    exports.GetConnectionFunctionRequest$ = GetConnectionFunctionRequest$;
    exports.GetConnectionFunctionResult$ = GetConnectionFunctionResult$;
    exports.GetConnectionGroup$ = GetConnectionGroup$;
    exports.GetConnectionGroupByRoutingEndpoint$ = GetConnectionGroupByRoutingEndpoint$;
    exports.GetConnectionGroupByRoutingEndpointCommand = GetConnectionGroupByRoutingEndpointCommand;
    exports.GetConnectionGroupByRoutingEndpointRequest$ = GetConnectionGroupByRoutingEndpointRequest$;
    exports.GetConnectionGroupByRoutingEndpointResult$ = GetConnectionGroupByRoutingEndpointResult$;
    exports.GetConnectionGroupCommand = GetConnectionGroupCommand;
    exports.GetConnectionGroupRequest$ = GetConnectionGroupRequest$;
    exports.GetConnectionGroupResult$ = GetConnectionGroupResult$;
    exports.GetContinuousDeploymentPolicy$ = GetContinuousDeploymentPolicy$;
    exports.GetContinuousDeploymentPolicyCommand = GetContinuousDeploymentPolicyCommand;
    exports.GetContinuousDeploymentPolicyConfig$ = GetContinuousDeploymentPolicyConfig$;
    exports.GetContinuousDeploymentPolicyConfigCommand = GetContinuousDeploymentPolicyConfigCommand;
    exports.GetContinuousDeploymentPolicyConfigRequest$ = GetContinuousDeploymentPolicyConfigRequest$;
    exports.GetContinuousDeploymentPolicyConfigResult$ = GetContinuousDeploymentPolicyConfigResult$;
    exports.GetContinuousDeploymentPolicyRequest$ = GetContinuousDeploymentPolicyRequest$;
    exports.GetContinuousDeploymentPolicyResult$ = GetContinuousDeploymentPolicyResult$;
    exports.GetDistribution$ = GetDistribution$;
    exports.GetDistributionCommand = GetDistributionCommand;
    exports.GetDistributionConfig$ = GetDistributionConfig$;
    exports.GetDistributionConfigCommand = GetDistributionConfigCommand;
    exports.GetDistributionConfigRequest$ = GetDistributionConfigRequest$;
    exports.GetDistributionConfigResult$ = GetDistributionConfigResult$;
    exports.GetDistributionRequest$ = GetDistributionRequest$;
    exports.GetDistributionResult$ = GetDistributionResult$;
    exports.GetDistributionTenant$ = GetDistributionTenant$;
    exports.GetDistributionTenantByDomain$ = GetDistributionTenantByDomain$;
    exports.GetDistributionTenantByDomainCommand = GetDistributionTenantByDomainCommand;
    exports.GetDistributionTenantByDomainRequest$ = GetDistributionTenantByDomainRequest$;
    exports.GetDistributionTenantByDomainResult$ = GetDistributionTenantByDomainResult$;
    exports.GetDistributionTenantCommand = GetDistributionTenantCommand;
    exports.GetDistributionTenantRequest$ = GetDistributionTenantRequest$;
    exports.GetDistributionTenantResult$ = GetDistributionTenantResult$;
    exports.GetFieldLevelEncryption$ = GetFieldLevelEncryption$;
    exports.GetFieldLevelEncryptionCommand = GetFieldLevelEncryptionCommand;
    exports.GetFieldLevelEncryptionConfig$ = GetFieldLevelEncryptionConfig$;
    exports.GetFieldLevelEncryptionConfigCommand = GetFieldLevelEncryptionConfigCommand;
    exports.GetFieldLevelEncryptionConfigRequest$ = GetFieldLevelEncryptionConfigRequest$;
    exports.GetFieldLevelEncryptionConfigResult$ = GetFieldLevelEncryptionConfigResult$;
    exports.GetFieldLevelEncryptionProfile$ = GetFieldLevelEncryptionProfile$;
    exports.GetFieldLevelEncryptionProfileCommand = GetFieldLevelEncryptionProfileCommand;
    exports.GetFieldLevelEncryptionProfileConfig$ = GetFieldLevelEncryptionProfileConfig$;
    exports.GetFieldLevelEncryptionProfileConfigCommand = GetFieldLevelEncryptionProfileConfigCommand;
    exports.GetFieldLevelEncryptionProfileConfigRequest$ = GetFieldLevelEncryptionProfileConfigRequest$;
    exports.GetFieldLevelEncryptionProfileConfigResult$ = GetFieldLevelEncryptionProfileConfigResult$;
    exports.GetFieldLevelEncryptionProfileRequest$ = GetFieldLevelEncryptionProfileRequest$;
    exports.GetFieldLevelEncryptionProfileResult$ = GetFieldLevelEncryptionProfileResult$;
    exports.GetFieldLevelEncryptionRequest$ = GetFieldLevelEncryptionRequest$;
    exports.GetFieldLevelEncryptionResult$ = GetFieldLevelEncryptionResult$;
    exports.GetFunction$ = GetFunction$;
    exports.GetFunctionCommand = GetFunctionCommand;
    exports.GetFunctionRequest$ = GetFunctionRequest$;
    exports.GetFunctionResult$ = GetFunctionResult$;
    exports.GetInvalidation$ = GetInvalidation$;
    exports.GetInvalidationCommand = GetInvalidationCommand;
    exports.GetInvalidationForDistributionTenant$ = GetInvalidationForDistributionTenant$;
    exports.GetInvalidationForDistributionTenantCommand = GetInvalidationForDistributionTenantCommand;
    exports.GetInvalidationForDistributionTenantRequest$ = GetInvalidationForDistributionTenantRequest$;
    exports.GetInvalidationForDistributionTenantResult$ = GetInvalidationForDistributionTenantResult$;
    exports.GetInvalidationRequest$ = GetInvalidationRequest$;
    exports.GetInvalidationResult$ = GetInvalidationResult$;
    exports.GetKeyGroup$ = GetKeyGroup$;
    exports.GetKeyGroupCommand = GetKeyGroupCommand;
    exports.GetKeyGroupConfig$ = GetKeyGroupConfig$;
    exports.GetKeyGroupConfigCommand = GetKeyGroupConfigCommand;
    exports.GetKeyGroupConfigRequest$ = GetKeyGroupConfigRequest$;
    exports.GetKeyGroupConfigResult$ = GetKeyGroupConfigResult$;
    exports.GetKeyGroupRequest$ = GetKeyGroupRequest$;
    exports.GetKeyGroupResult$ = GetKeyGroupResult$;
    exports.GetManagedCertificateDetails$ = GetManagedCertificateDetails$;
    exports.GetManagedCertificateDetailsCommand = GetManagedCertificateDetailsCommand;
    exports.GetManagedCertificateDetailsRequest$ = GetManagedCertificateDetailsRequest$;
    exports.GetManagedCertificateDetailsResult$ = GetManagedCertificateDetailsResult$;
    exports.GetMonitoringSubscription$ = GetMonitoringSubscription$;
    exports.GetMonitoringSubscriptionCommand = GetMonitoringSubscriptionCommand;
    exports.GetMonitoringSubscriptionRequest$ = GetMonitoringSubscriptionRequest$;
    exports.GetMonitoringSubscriptionResult$ = GetMonitoringSubscriptionResult$;
    exports.GetOriginAccessControl$ = GetOriginAccessControl$;
    exports.GetOriginAccessControlCommand = GetOriginAccessControlCommand;
    exports.GetOriginAccessControlConfig$ = GetOriginAccessControlConfig$;
    exports.GetOriginAccessControlConfigCommand = GetOriginAccessControlConfigCommand;
    exports.GetOriginAccessControlConfigRequest$ = GetOriginAccessControlConfigRequest$;
    exports.GetOriginAccessControlConfigResult$ = GetOriginAccessControlConfigResult$;
    exports.GetOriginAccessControlRequest$ = GetOriginAccessControlRequest$;
    exports.GetOriginAccessControlResult$ = GetOriginAccessControlResult$;
    exports.GetOriginRequestPolicy$ = GetOriginRequestPolicy$;
    exports.GetOriginRequestPolicyCommand = GetOriginRequestPolicyCommand;
    exports.GetOriginRequestPolicyConfig$ = GetOriginRequestPolicyConfig$;
    exports.GetOriginRequestPolicyConfigCommand = GetOriginRequestPolicyConfigCommand;
    exports.GetOriginRequestPolicyConfigRequest$ = GetOriginRequestPolicyConfigRequest$;
    exports.GetOriginRequestPolicyConfigResult$ = GetOriginRequestPolicyConfigResult$;
    exports.GetOriginRequestPolicyRequest$ = GetOriginRequestPolicyRequest$;
    exports.GetOriginRequestPolicyResult$ = GetOriginRequestPolicyResult$;
    exports.GetPublicKey$ = GetPublicKey$;
    exports.GetPublicKeyCommand = GetPublicKeyCommand;
    exports.GetPublicKeyConfig$ = GetPublicKeyConfig$;
    exports.GetPublicKeyConfigCommand = GetPublicKeyConfigCommand;
    exports.GetPublicKeyConfigRequest$ = GetPublicKeyConfigRequest$;
    exports.GetPublicKeyConfigResult$ = GetPublicKeyConfigResult$;
    exports.GetPublicKeyRequest$ = GetPublicKeyRequest$;
    exports.GetPublicKeyResult$ = GetPublicKeyResult$;
    exports.GetRealtimeLogConfig$ = GetRealtimeLogConfig$;
    exports.GetRealtimeLogConfigCommand = GetRealtimeLogConfigCommand;
    exports.GetRealtimeLogConfigRequest$ = GetRealtimeLogConfigRequest$;
    exports.GetRealtimeLogConfigResult$ = GetRealtimeLogConfigResult$;
    exports.GetResourcePolicy$ = GetResourcePolicy$;
    exports.GetResourcePolicyCommand = GetResourcePolicyCommand;
    exports.GetResourcePolicyRequest$ = GetResourcePolicyRequest$;
    exports.GetResourcePolicyResult$ = GetResourcePolicyResult$;
    exports.GetResponseHeadersPolicy$ = GetResponseHeadersPolicy$;
    exports.GetResponseHeadersPolicyCommand = GetResponseHeadersPolicyCommand;
    exports.GetResponseHeadersPolicyConfig$ = GetResponseHeadersPolicyConfig$;
    exports.GetResponseHeadersPolicyConfigCommand = GetResponseHeadersPolicyConfigCommand;
    exports.GetResponseHeadersPolicyConfigRequest$ = GetResponseHeadersPolicyConfigRequest$;
    exports.GetResponseHeadersPolicyConfigResult$ = GetResponseHeadersPolicyConfigResult$;
    exports.GetResponseHeadersPolicyRequest$ = GetResponseHeadersPolicyRequest$;
    exports.GetResponseHeadersPolicyResult$ = GetResponseHeadersPolicyResult$;
    exports.GetStreamingDistribution$ = GetStreamingDistribution$;
    exports.GetStreamingDistributionCommand = GetStreamingDistributionCommand;
    exports.GetStreamingDistributionConfig$ = GetStreamingDistributionConfig$;
    exports.GetStreamingDistributionConfigCommand = GetStreamingDistributionConfigCommand;
    exports.GetStreamingDistributionConfigRequest$ = GetStreamingDistributionConfigRequest$;
    exports.GetStreamingDistributionConfigResult$ = GetStreamingDistributionConfigResult$;
    exports.GetStreamingDistributionRequest$ = GetStreamingDistributionRequest$;
    exports.GetStreamingDistributionResult$ = GetStreamingDistributionResult$;
    exports.GetTrustStore$ = GetTrustStore$;
    exports.GetTrustStoreCommand = GetTrustStoreCommand;
    exports.GetTrustStoreRequest$ = GetTrustStoreRequest$;
    exports.GetTrustStoreResult$ = GetTrustStoreResult$;
    exports.GetVpcOrigin$ = GetVpcOrigin$;
    exports.GetVpcOriginCommand = GetVpcOriginCommand;
    exports.GetVpcOriginRequest$ = GetVpcOriginRequest$;
    exports.GetVpcOriginResult$ = GetVpcOriginResult$;
    exports.GrpcConfig$ = GrpcConfig$;
    exports.Headers$ = Headers$;
    exports.HttpVersion = HttpVersion;
    exports.ICPRecordalStatus = ICPRecordalStatus;
    exports.IllegalDelete = IllegalDelete;
    exports.IllegalDelete$ = IllegalDelete$;
    exports.IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior = IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior;
    exports.IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior$ = IllegalFieldLevelEncryptionConfigAssociationWithCacheBehavior$;
    exports.IllegalOriginAccessConfiguration = IllegalOriginAccessConfiguration;
    exports.IllegalOriginAccessConfiguration$ = IllegalOriginAccessConfiguration$;
    exports.IllegalUpdate = IllegalUpdate;
    exports.IllegalUpdate$ = IllegalUpdate$;
    exports.ImportSource$ = ImportSource$;
    exports.ImportSourceType = ImportSourceType;
    exports.InconsistentQuantities = InconsistentQuantities;
    exports.InconsistentQuantities$ = InconsistentQuantities$;
    exports.InvalidArgument = InvalidArgument;
    exports.InvalidArgument$ = InvalidArgument$;
    exports.InvalidAssociation = InvalidAssociation;
    exports.InvalidAssociation$ = InvalidAssociation$;
    exports.InvalidDefaultRootObject = InvalidDefaultRootObject;
    exports.InvalidDefaultRootObject$ = InvalidDefaultRootObject$;
    exports.InvalidDomainNameForOriginAccessControl = InvalidDomainNameForOriginAccessControl;
    exports.InvalidDomainNameForOriginAccessControl$ = InvalidDomainNameForOriginAccessControl$;
    exports.InvalidErrorCode = InvalidErrorCode;
    exports.InvalidErrorCode$ = InvalidErrorCode$;
    exports.InvalidForwardCookies = InvalidForwardCookies;
    exports.InvalidForwardCookies$ = InvalidForwardCookies$;
    exports.InvalidFunctionAssociation = InvalidFunctionAssociation;
    exports.InvalidFunctionAssociation$ = InvalidFunctionAssociation$;
    exports.InvalidGeoRestrictionParameter = InvalidGeoRestrictionParameter;
    exports.InvalidGeoRestrictionParameter$ = InvalidGeoRestrictionParameter$;
    exports.InvalidHeadersForS3Origin = InvalidHeadersForS3Origin;
    exports.InvalidHeadersForS3Origin$ = InvalidHeadersForS3Origin$;
    exports.InvalidIfMatchVersion = InvalidIfMatchVersion;
    exports.InvalidIfMatchVersion$ = InvalidIfMatchVersion$;
    exports.InvalidLambdaFunctionAssociation = InvalidLambdaFunctionAssociation;
    exports.InvalidLambdaFunctionAssociation$ = InvalidLambdaFunctionAssociation$;
    exports.InvalidLocationCode = InvalidLocationCode;
    exports.InvalidLocationCode$ = InvalidLocationCode$;
    exports.InvalidMinimumProtocolVersion = InvalidMinimumProtocolVersion;
    exports.InvalidMinimumProtocolVersion$ = InvalidMinimumProtocolVersion$;
    exports.InvalidOrigin = InvalidOrigin;
    exports.InvalidOrigin$ = InvalidOrigin$;
    exports.InvalidOriginAccessControl = InvalidOriginAccessControl;
    exports.InvalidOriginAccessControl$ = InvalidOriginAccessControl$;
    exports.InvalidOriginAccessIdentity = InvalidOriginAccessIdentity;
    exports.InvalidOriginAccessIdentity$ = InvalidOriginAccessIdentity$;
    exports.InvalidOriginKeepaliveTimeout = InvalidOriginKeepaliveTimeout;
    exports.InvalidOriginKeepaliveTimeout$ = InvalidOriginKeepaliveTimeout$;
    exports.InvalidOriginReadTimeout = InvalidOriginReadTimeout;
    exports.InvalidOriginReadTimeout$ = InvalidOriginReadTimeout$;
    exports.InvalidProtocolSettings = InvalidProtocolSettings;
    exports.InvalidProtocolSettings$ = InvalidProtocolSettings$;
    exports.InvalidQueryStringParameters = InvalidQueryStringParameters;
    exports.InvalidQueryStringParameters$ = InvalidQueryStringParameters$;
    exports.InvalidRelativePath = InvalidRelativePath;
    exports.InvalidRelativePath$ = InvalidRelativePath$;
    exports.InvalidRequiredProtocol = InvalidRequiredProtocol;
    exports.InvalidRequiredProtocol$ = InvalidRequiredProtocol$;
    exports.InvalidResponseCode = InvalidResponseCode;
    exports.InvalidResponseCode$ = InvalidResponseCode$;
    exports.InvalidTTLOrder = InvalidTTLOrder;
    exports.InvalidTTLOrder$ = InvalidTTLOrder$;
    exports.InvalidTagging = InvalidTagging;
    exports.InvalidTagging$ = InvalidTagging$;
    exports.InvalidViewerCertificate = InvalidViewerCertificate;
    exports.InvalidViewerCertificate$ = InvalidViewerCertificate$;
    exports.InvalidWebACLId = InvalidWebACLId;
    exports.InvalidWebACLId$ = InvalidWebACLId$;
    exports.Invalidation$ = Invalidation$;
    exports.InvalidationBatch$ = InvalidationBatch$;
    exports.InvalidationList$ = InvalidationList$;
    exports.InvalidationSummary$ = InvalidationSummary$;
    exports.IpAddressType = IpAddressType;
    exports.IpamCidrConfig$ = IpamCidrConfig$;
    exports.IpamCidrStatus = IpamCidrStatus;
    exports.IpamConfig$ = IpamConfig$;
    exports.ItemSelection = ItemSelection;
    exports.KGKeyPairIds$ = KGKeyPairIds$;
    exports.KeyGroup$ = KeyGroup$;
    exports.KeyGroupAlreadyExists = KeyGroupAlreadyExists;
    exports.KeyGroupAlreadyExists$ = KeyGroupAlreadyExists$;
    exports.KeyGroupConfig$ = KeyGroupConfig$;
    exports.KeyGroupList$ = KeyGroupList$;
    exports.KeyGroupSummary$ = KeyGroupSummary$;
    exports.KeyPairIds$ = KeyPairIds$;
    exports.KeyValueStore$ = KeyValueStore$;
    exports.KeyValueStoreAssociation$ = KeyValueStoreAssociation$;
    exports.KeyValueStoreAssociations$ = KeyValueStoreAssociations$;
    exports.KeyValueStoreList$ = KeyValueStoreList$;
    exports.KinesisStreamConfig$ = KinesisStreamConfig$;
    exports.LambdaFunctionAssociation$ = LambdaFunctionAssociation$;
    exports.LambdaFunctionAssociations$ = LambdaFunctionAssociations$;
    exports.ListAnycastIpLists$ = ListAnycastIpLists$;
    exports.ListAnycastIpListsCommand = ListAnycastIpListsCommand;
    exports.ListAnycastIpListsRequest$ = ListAnycastIpListsRequest$;
    exports.ListAnycastIpListsResult$ = ListAnycastIpListsResult$;
    exports.ListCachePolicies$ = ListCachePolicies$;
    exports.ListCachePoliciesCommand = ListCachePoliciesCommand;
    exports.ListCachePoliciesRequest$ = ListCachePoliciesRequest$;
    exports.ListCachePoliciesResult$ = ListCachePoliciesResult$;
    exports.ListCloudFrontOriginAccessIdentities$ = ListCloudFrontOriginAccessIdentities$;
    exports.ListCloudFrontOriginAccessIdentitiesCommand = ListCloudFrontOriginAccessIdentitiesCommand;
    exports.ListCloudFrontOriginAccessIdentitiesRequest$ = ListCloudFrontOriginAccessIdentitiesRequest$;
    exports.ListCloudFrontOriginAccessIdentitiesResult$ = ListCloudFrontOriginAccessIdentitiesResult$;
    exports.ListConflictingAliases$ = ListConflictingAliases$;
    exports.ListConflictingAliasesCommand = ListConflictingAliasesCommand;
    exports.ListConflictingAliasesRequest$ = ListConflictingAliasesRequest$;
    exports.ListConflictingAliasesResult$ = ListConflictingAliasesResult$;
    exports.ListConnectionFunctions$ = ListConnectionFunctions$;
    exports.ListConnectionFunctionsCommand = ListConnectionFunctionsCommand;
    exports.ListConnectionFunctionsRequest$ = ListConnectionFunctionsRequest$;
    exports.ListConnectionFunctionsResult$ = ListConnectionFunctionsResult$;
    exports.ListConnectionGroups$ = ListConnectionGroups$;
    exports.ListConnectionGroupsCommand = ListConnectionGroupsCommand;
    exports.ListConnectionGroupsRequest$ = ListConnectionGroupsRequest$;
    exports.ListConnectionGroupsResult$ = ListConnectionGroupsResult$;
    exports.ListContinuousDeploymentPolicies$ = ListContinuousDeploymentPolicies$;
    exports.ListContinuousDeploymentPoliciesCommand = ListContinuousDeploymentPoliciesCommand;
    exports.ListContinuousDeploymentPoliciesRequest$ = ListContinuousDeploymentPoliciesRequest$;
    exports.ListContinuousDeploymentPoliciesResult$ = ListContinuousDeploymentPoliciesResult$;
    exports.ListDistributionTenants$ = ListDistributionTenants$;
    exports.ListDistributionTenantsByCustomization$ = ListDistributionTenantsByCustomization$;
    exports.ListDistributionTenantsByCustomizationCommand = ListDistributionTenantsByCustomizationCommand;
    exports.ListDistributionTenantsByCustomizationRequest$ = ListDistributionTenantsByCustomizationRequest$;
    exports.ListDistributionTenantsByCustomizationResult$ = ListDistributionTenantsByCustomizationResult$;
    exports.ListDistributionTenantsCommand = ListDistributionTenantsCommand;
    exports.ListDistributionTenantsRequest$ = ListDistributionTenantsRequest$;
    exports.ListDistributionTenantsResult$ = ListDistributionTenantsResult$;
    exports.ListDistributions$ = ListDistributions$;
    exports.ListDistributionsByAnycastIpListId$ = ListDistributionsByAnycastIpListId$;
    exports.ListDistributionsByAnycastIpListIdCommand = ListDistributionsByAnycastIpListIdCommand;
    exports.ListDistributionsByAnycastIpListIdRequest$ = ListDistributionsByAnycastIpListIdRequest$;
    exports.ListDistributionsByAnycastIpListIdResult$ = ListDistributionsByAnycastIpListIdResult$;
    exports.ListDistributionsByCachePolicyId$ = ListDistributionsByCachePolicyId$;
    exports.ListDistributionsByCachePolicyIdCommand = ListDistributionsByCachePolicyIdCommand;
    exports.ListDistributionsByCachePolicyIdRequest$ = ListDistributionsByCachePolicyIdRequest$;
    exports.ListDistributionsByCachePolicyIdResult$ = ListDistributionsByCachePolicyIdResult$;
    exports.ListDistributionsByConnectionFunction$ = ListDistributionsByConnectionFunction$;
    exports.ListDistributionsByConnectionFunctionCommand = ListDistributionsByConnectionFunctionCommand;
    exports.ListDistributionsByConnectionFunctionRequest$ = ListDistributionsByConnectionFunctionRequest$;
    exports.ListDistributionsByConnectionFunctionResult$ = ListDistributionsByConnectionFunctionResult$;
    exports.ListDistributionsByConnectionMode$ = ListDistributionsByConnectionMode$;
    exports.ListDistributionsByConnectionModeCommand = ListDistributionsByConnectionModeCommand;
    exports.ListDistributionsByConnectionModeRequest$ = ListDistributionsByConnectionModeRequest$;
    exports.ListDistributionsByConnectionModeResult$ = ListDistributionsByConnectionModeResult$;
    exports.ListDistributionsByKeyGroup$ = ListDistributionsByKeyGroup$;
    exports.ListDistributionsByKeyGroupCommand = ListDistributionsByKeyGroupCommand;
    exports.ListDistributionsByKeyGroupRequest$ = ListDistributionsByKeyGroupRequest$;
    exports.ListDistributionsByKeyGroupResult$ = ListDistributionsByKeyGroupResult$;
    exports.ListDistributionsByOriginRequestPolicyId$ = ListDistributionsByOriginRequestPolicyId$;
    exports.ListDistributionsByOriginRequestPolicyIdCommand = ListDistributionsByOriginRequestPolicyIdCommand;
    exports.ListDistributionsByOriginRequestPolicyIdRequest$ = ListDistributionsByOriginRequestPolicyIdRequest$;
    exports.ListDistributionsByOriginRequestPolicyIdResult$ = ListDistributionsByOriginRequestPolicyIdResult$;
    exports.ListDistributionsByOwnedResource$ = ListDistributionsByOwnedResource$;
    exports.ListDistributionsByOwnedResourceCommand = ListDistributionsByOwnedResourceCommand;
    exports.ListDistributionsByOwnedResourceRequest$ = ListDistributionsByOwnedResourceRequest$;
    exports.ListDistributionsByOwnedResourceResult$ = ListDistributionsByOwnedResourceResult$;
    exports.ListDistributionsByRealtimeLogConfig$ = ListDistributionsByRealtimeLogConfig$;
    exports.ListDistributionsByRealtimeLogConfigCommand = ListDistributionsByRealtimeLogConfigCommand;
    exports.ListDistributionsByRealtimeLogConfigRequest$ = ListDistributionsByRealtimeLogConfigRequest$;
    exports.ListDistributionsByRealtimeLogConfigResult$ = ListDistributionsByRealtimeLogConfigResult$;
    exports.ListDistributionsByResponseHeadersPolicyId$ = ListDistributionsByResponseHeadersPolicyId$;
    exports.ListDistributionsByResponseHeadersPolicyIdCommand = ListDistributionsByResponseHeadersPolicyIdCommand;
    exports.ListDistributionsByResponseHeadersPolicyIdRequest$ = ListDistributionsByResponseHeadersPolicyIdRequest$;
    exports.ListDistributionsByResponseHeadersPolicyIdResult$ = ListDistributionsByResponseHeadersPolicyIdResult$;
    exports.ListDistributionsByTrustStore$ = ListDistributionsByTrustStore$;
    exports.ListDistributionsByTrustStoreCommand = ListDistributionsByTrustStoreCommand;
    exports.ListDistributionsByTrustStoreRequest$ = ListDistributionsByTrustStoreRequest$;
    exports.ListDistributionsByTrustStoreResult$ = ListDistributionsByTrustStoreResult$;
    exports.ListDistributionsByVpcOriginId$ = ListDistributionsByVpcOriginId$;
    exports.ListDistributionsByVpcOriginIdCommand = ListDistributionsByVpcOriginIdCommand;
    exports.ListDistributionsByVpcOriginIdRequest$ = ListDistributionsByVpcOriginIdRequest$;
    exports.ListDistributionsByVpcOriginIdResult$ = ListDistributionsByVpcOriginIdResult$;
    exports.ListDistributionsByWebACLId$ = ListDistributionsByWebACLId$;
    exports.ListDistributionsByWebACLIdCommand = ListDistributionsByWebACLIdCommand;
    exports.ListDistributionsByWebACLIdRequest$ = ListDistributionsByWebACLIdRequest$;
    exports.ListDistributionsByWebACLIdResult$ = ListDistributionsByWebACLIdResult$;
    exports.ListDistributionsCommand = ListDistributionsCommand;
    exports.ListDistributionsRequest$ = ListDistributionsRequest$;
    exports.ListDistributionsResult$ = ListDistributionsResult$;
    exports.ListDomainConflicts$ = ListDomainConflicts$;
    exports.ListDomainConflictsCommand = ListDomainConflictsCommand;
    exports.ListDomainConflictsRequest$ = ListDomainConflictsRequest$;
    exports.ListDomainConflictsResult$ = ListDomainConflictsResult$;
    exports.ListFieldLevelEncryptionConfigs$ = ListFieldLevelEncryptionConfigs$;
    exports.ListFieldLevelEncryptionConfigsCommand = ListFieldLevelEncryptionConfigsCommand;
    exports.ListFieldLevelEncryptionConfigsRequest$ = ListFieldLevelEncryptionConfigsRequest$;
    exports.ListFieldLevelEncryptionConfigsResult$ = ListFieldLevelEncryptionConfigsResult$;
    exports.ListFieldLevelEncryptionProfiles$ = ListFieldLevelEncryptionProfiles$;
    exports.ListFieldLevelEncryptionProfilesCommand = ListFieldLevelEncryptionProfilesCommand;
    exports.ListFieldLevelEncryptionProfilesRequest$ = ListFieldLevelEncryptionProfilesRequest$;
    exports.ListFieldLevelEncryptionProfilesResult$ = ListFieldLevelEncryptionProfilesResult$;
    exports.ListFunctions$ = ListFunctions$;
    exports.ListFunctionsCommand = ListFunctionsCommand;
    exports.ListFunctionsRequest$ = ListFunctionsRequest$;
    exports.ListFunctionsResult$ = ListFunctionsResult$;
    exports.ListInvalidations$ = ListInvalidations$;
    exports.ListInvalidationsCommand = ListInvalidationsCommand;
    exports.ListInvalidationsForDistributionTenant$ = ListInvalidationsForDistributionTenant$;
    exports.ListInvalidationsForDistributionTenantCommand = ListInvalidationsForDistributionTenantCommand;
    exports.ListInvalidationsForDistributionTenantRequest$ = ListInvalidationsForDistributionTenantRequest$;
    exports.ListInvalidationsForDistributionTenantResult$ = ListInvalidationsForDistributionTenantResult$;
    exports.ListInvalidationsRequest$ = ListInvalidationsRequest$;
    exports.ListInvalidationsResult$ = ListInvalidationsResult$;
    exports.ListKeyGroups$ = ListKeyGroups$;
    exports.ListKeyGroupsCommand = ListKeyGroupsCommand;
    exports.ListKeyGroupsRequest$ = ListKeyGroupsRequest$;
    exports.ListKeyGroupsResult$ = ListKeyGroupsResult$;
    exports.ListKeyValueStores$ = ListKeyValueStores$;
    exports.ListKeyValueStoresCommand = ListKeyValueStoresCommand;
    exports.ListKeyValueStoresRequest$ = ListKeyValueStoresRequest$;
    exports.ListKeyValueStoresResult$ = ListKeyValueStoresResult$;
    exports.ListOriginAccessControls$ = ListOriginAccessControls$;
    exports.ListOriginAccessControlsCommand = ListOriginAccessControlsCommand;
    exports.ListOriginAccessControlsRequest$ = ListOriginAccessControlsRequest$;
    exports.ListOriginAccessControlsResult$ = ListOriginAccessControlsResult$;
    exports.ListOriginRequestPolicies$ = ListOriginRequestPolicies$;
    exports.ListOriginRequestPoliciesCommand = ListOriginRequestPoliciesCommand;
    exports.ListOriginRequestPoliciesRequest$ = ListOriginRequestPoliciesRequest$;
    exports.ListOriginRequestPoliciesResult$ = ListOriginRequestPoliciesResult$;
    exports.ListPublicKeys$ = ListPublicKeys$;
    exports.ListPublicKeysCommand = ListPublicKeysCommand;
    exports.ListPublicKeysRequest$ = ListPublicKeysRequest$;
    exports.ListPublicKeysResult$ = ListPublicKeysResult$;
    exports.ListRealtimeLogConfigs$ = ListRealtimeLogConfigs$;
    exports.ListRealtimeLogConfigsCommand = ListRealtimeLogConfigsCommand;
    exports.ListRealtimeLogConfigsRequest$ = ListRealtimeLogConfigsRequest$;
    exports.ListRealtimeLogConfigsResult$ = ListRealtimeLogConfigsResult$;
    exports.ListResponseHeadersPolicies$ = ListResponseHeadersPolicies$;
    exports.ListResponseHeadersPoliciesCommand = ListResponseHeadersPoliciesCommand;
    exports.ListResponseHeadersPoliciesRequest$ = ListResponseHeadersPoliciesRequest$;
    exports.ListResponseHeadersPoliciesResult$ = ListResponseHeadersPoliciesResult$;
    exports.ListStreamingDistributions$ = ListStreamingDistributions$;
    exports.ListStreamingDistributionsCommand = ListStreamingDistributionsCommand;
    exports.ListStreamingDistributionsRequest$ = ListStreamingDistributionsRequest$;
    exports.ListStreamingDistributionsResult$ = ListStreamingDistributionsResult$;
    exports.ListTagsForResource$ = ListTagsForResource$;
    exports.ListTagsForResourceCommand = ListTagsForResourceCommand;
    exports.ListTagsForResourceRequest$ = ListTagsForResourceRequest$;
    exports.ListTagsForResourceResult$ = ListTagsForResourceResult$;
    exports.ListTrustStores$ = ListTrustStores$;
    exports.ListTrustStoresCommand = ListTrustStoresCommand;
    exports.ListTrustStoresRequest$ = ListTrustStoresRequest$;
    exports.ListTrustStoresResult$ = ListTrustStoresResult$;
    exports.ListVpcOrigins$ = ListVpcOrigins$;
    exports.ListVpcOriginsCommand = ListVpcOriginsCommand;
    exports.ListVpcOriginsRequest$ = ListVpcOriginsRequest$;
    exports.ListVpcOriginsResult$ = ListVpcOriginsResult$;
    exports.LoggingConfig$ = LoggingConfig$;
    exports.ManagedCertificateDetails$ = ManagedCertificateDetails$;
    exports.ManagedCertificateRequest$ = ManagedCertificateRequest$;
    exports.ManagedCertificateStatus = ManagedCertificateStatus;
    exports.Method = Method;
    exports.MinimumProtocolVersion = MinimumProtocolVersion;
    exports.MissingBody = MissingBody;
    exports.MissingBody$ = MissingBody$;
    exports.MonitoringSubscription$ = MonitoringSubscription$;
    exports.MonitoringSubscriptionAlreadyExists = MonitoringSubscriptionAlreadyExists;
    exports.MonitoringSubscriptionAlreadyExists$ = MonitoringSubscriptionAlreadyExists$;
    exports.NoSuchCachePolicy = NoSuchCachePolicy;
    exports.NoSuchCachePolicy$ = NoSuchCachePolicy$;
    exports.NoSuchCloudFrontOriginAccessIdentity = NoSuchCloudFrontOriginAccessIdentity;
    exports.NoSuchCloudFrontOriginAccessIdentity$ = NoSuchCloudFrontOriginAccessIdentity$;
    exports.NoSuchContinuousDeploymentPolicy = NoSuchContinuousDeploymentPolicy;
    exports.NoSuchContinuousDeploymentPolicy$ = NoSuchContinuousDeploymentPolicy$;
    exports.NoSuchDistribution = NoSuchDistribution;
    exports.NoSuchDistribution$ = NoSuchDistribution$;
    exports.NoSuchFieldLevelEncryptionConfig = NoSuchFieldLevelEncryptionConfig;
    exports.NoSuchFieldLevelEncryptionConfig$ = NoSuchFieldLevelEncryptionConfig$;
    exports.NoSuchFieldLevelEncryptionProfile = NoSuchFieldLevelEncryptionProfile;
    exports.NoSuchFieldLevelEncryptionProfile$ = NoSuchFieldLevelEncryptionProfile$;
    exports.NoSuchFunctionExists = NoSuchFunctionExists;
    exports.NoSuchFunctionExists$ = NoSuchFunctionExists$;
    exports.NoSuchInvalidation = NoSuchInvalidation;
    exports.NoSuchInvalidation$ = NoSuchInvalidation$;
    exports.NoSuchMonitoringSubscription = NoSuchMonitoringSubscription;
    exports.NoSuchMonitoringSubscription$ = NoSuchMonitoringSubscription$;
    exports.NoSuchOrigin = NoSuchOrigin;
    exports.NoSuchOrigin$ = NoSuchOrigin$;
    exports.NoSuchOriginAccessControl = NoSuchOriginAccessControl;
    exports.NoSuchOriginAccessControl$ = NoSuchOriginAccessControl$;
    exports.NoSuchOriginRequestPolicy = NoSuchOriginRequestPolicy;
    exports.NoSuchOriginRequestPolicy$ = NoSuchOriginRequestPolicy$;
    exports.NoSuchPublicKey = NoSuchPublicKey;
    exports.NoSuchPublicKey$ = NoSuchPublicKey$;
    exports.NoSuchRealtimeLogConfig = NoSuchRealtimeLogConfig;
    exports.NoSuchRealtimeLogConfig$ = NoSuchRealtimeLogConfig$;
    exports.NoSuchResource = NoSuchResource;
    exports.NoSuchResource$ = NoSuchResource$;
    exports.NoSuchResponseHeadersPolicy = NoSuchResponseHeadersPolicy;
    exports.NoSuchResponseHeadersPolicy$ = NoSuchResponseHeadersPolicy$;
    exports.NoSuchStreamingDistribution = NoSuchStreamingDistribution;
    exports.NoSuchStreamingDistribution$ = NoSuchStreamingDistribution$;
    exports.Origin$ = Origin$;
    exports.OriginAccessControl$ = OriginAccessControl$;
    exports.OriginAccessControlAlreadyExists = OriginAccessControlAlreadyExists;
    exports.OriginAccessControlAlreadyExists$ = OriginAccessControlAlreadyExists$;
    exports.OriginAccessControlConfig$ = OriginAccessControlConfig$;
    exports.OriginAccessControlInUse = OriginAccessControlInUse;
    exports.OriginAccessControlInUse$ = OriginAccessControlInUse$;
    exports.OriginAccessControlList$ = OriginAccessControlList$;
    exports.OriginAccessControlOriginTypes = OriginAccessControlOriginTypes;
    exports.OriginAccessControlSigningBehaviors = OriginAccessControlSigningBehaviors;
    exports.OriginAccessControlSigningProtocols = OriginAccessControlSigningProtocols;
    exports.OriginAccessControlSummary$ = OriginAccessControlSummary$;
    exports.OriginCustomHeader$ = OriginCustomHeader$;
    exports.OriginGroup$ = OriginGroup$;
    exports.OriginGroupFailoverCriteria$ = OriginGroupFailoverCriteria$;
    exports.OriginGroupMember$ = OriginGroupMember$;
    exports.OriginGroupMembers$ = OriginGroupMembers$;
    exports.OriginGroupSelectionCriteria = OriginGroupSelectionCriteria;
    exports.OriginGroups$ = OriginGroups$;
    exports.OriginMtlsConfig$ = OriginMtlsConfig$;
    exports.OriginProtocolPolicy = OriginProtocolPolicy;
    exports.OriginRequestPolicy$ = OriginRequestPolicy$;
    exports.OriginRequestPolicyAlreadyExists = OriginRequestPolicyAlreadyExists;
    exports.OriginRequestPolicyAlreadyExists$ = OriginRequestPolicyAlreadyExists$;
    exports.OriginRequestPolicyConfig$ = OriginRequestPolicyConfig$;
    exports.OriginRequestPolicyCookieBehavior = OriginRequestPolicyCookieBehavior;
    exports.OriginRequestPolicyCookiesConfig$ = OriginRequestPolicyCookiesConfig$;
    exports.OriginRequestPolicyHeaderBehavior = OriginRequestPolicyHeaderBehavior;
    exports.OriginRequestPolicyHeadersConfig$ = OriginRequestPolicyHeadersConfig$;
    exports.OriginRequestPolicyInUse = OriginRequestPolicyInUse;
    exports.OriginRequestPolicyInUse$ = OriginRequestPolicyInUse$;
    exports.OriginRequestPolicyList$ = OriginRequestPolicyList$;
    exports.OriginRequestPolicyQueryStringBehavior = OriginRequestPolicyQueryStringBehavior;
    exports.OriginRequestPolicyQueryStringsConfig$ = OriginRequestPolicyQueryStringsConfig$;
    exports.OriginRequestPolicySummary$ = OriginRequestPolicySummary$;
    exports.OriginRequestPolicyType = OriginRequestPolicyType;
    exports.OriginShield$ = OriginShield$;
    exports.OriginSslProtocols$ = OriginSslProtocols$;
    exports.Origins$ = Origins$;
    exports.Parameter$ = Parameter$;
    exports.ParameterDefinition$ = ParameterDefinition$;
    exports.ParameterDefinitionSchema$ = ParameterDefinitionSchema$;
    exports.ParametersInCacheKeyAndForwardedToOrigin$ = ParametersInCacheKeyAndForwardedToOrigin$;
    exports.Paths$ = Paths$;
    exports.PreconditionFailed = PreconditionFailed;
    exports.PreconditionFailed$ = PreconditionFailed$;
    exports.PriceClass = PriceClass;
    exports.PublicKey$ = PublicKey$;
    exports.PublicKeyAlreadyExists = PublicKeyAlreadyExists;
    exports.PublicKeyAlreadyExists$ = PublicKeyAlreadyExists$;
    exports.PublicKeyConfig$ = PublicKeyConfig$;
    exports.PublicKeyInUse = PublicKeyInUse;
    exports.PublicKeyInUse$ = PublicKeyInUse$;
    exports.PublicKeyList$ = PublicKeyList$;
    exports.PublicKeySummary$ = PublicKeySummary$;
    exports.PublishConnectionFunction$ = PublishConnectionFunction$;
    exports.PublishConnectionFunctionCommand = PublishConnectionFunctionCommand;
    exports.PublishConnectionFunctionRequest$ = PublishConnectionFunctionRequest$;
    exports.PublishConnectionFunctionResult$ = PublishConnectionFunctionResult$;
    exports.PublishFunction$ = PublishFunction$;
    exports.PublishFunctionCommand = PublishFunctionCommand;
    exports.PublishFunctionRequest$ = PublishFunctionRequest$;
    exports.PublishFunctionResult$ = PublishFunctionResult$;
    exports.PutResourcePolicy$ = PutResourcePolicy$;
    exports.PutResourcePolicyCommand = PutResourcePolicyCommand;
    exports.PutResourcePolicyRequest$ = PutResourcePolicyRequest$;
    exports.PutResourcePolicyResult$ = PutResourcePolicyResult$;
    exports.QueryArgProfile$ = QueryArgProfile$;
    exports.QueryArgProfileConfig$ = QueryArgProfileConfig$;
    exports.QueryArgProfileEmpty = QueryArgProfileEmpty;
    exports.QueryArgProfileEmpty$ = QueryArgProfileEmpty$;
    exports.QueryArgProfiles$ = QueryArgProfiles$;
    exports.QueryStringCacheKeys$ = QueryStringCacheKeys$;
    exports.QueryStringNames$ = QueryStringNames$;
    exports.RealtimeLogConfig$ = RealtimeLogConfig$;
    exports.RealtimeLogConfigAlreadyExists = RealtimeLogConfigAlreadyExists;
    exports.RealtimeLogConfigAlreadyExists$ = RealtimeLogConfigAlreadyExists$;
    exports.RealtimeLogConfigInUse = RealtimeLogConfigInUse;
    exports.RealtimeLogConfigInUse$ = RealtimeLogConfigInUse$;
    exports.RealtimeLogConfigOwnerMismatch = RealtimeLogConfigOwnerMismatch;
    exports.RealtimeLogConfigOwnerMismatch$ = RealtimeLogConfigOwnerMismatch$;
    exports.RealtimeLogConfigs$ = RealtimeLogConfigs$;
    exports.RealtimeMetricsSubscriptionConfig$ = RealtimeMetricsSubscriptionConfig$;
    exports.RealtimeMetricsSubscriptionStatus = RealtimeMetricsSubscriptionStatus;
    exports.ReferrerPolicyList = ReferrerPolicyList;
    exports.ResourceInUse = ResourceInUse;
    exports.ResourceInUse$ = ResourceInUse$;
    exports.ResourceNotDisabled = ResourceNotDisabled;
    exports.ResourceNotDisabled$ = ResourceNotDisabled$;
    exports.ResponseHeadersPolicy$ = ResponseHeadersPolicy$;
    exports.ResponseHeadersPolicyAccessControlAllowHeaders$ = ResponseHeadersPolicyAccessControlAllowHeaders$;
    exports.ResponseHeadersPolicyAccessControlAllowMethods$ = ResponseHeadersPolicyAccessControlAllowMethods$;
    exports.ResponseHeadersPolicyAccessControlAllowMethodsValues = ResponseHeadersPolicyAccessControlAllowMethodsValues;
    exports.ResponseHeadersPolicyAccessControlAllowOrigins$ = ResponseHeadersPolicyAccessControlAllowOrigins$;
    exports.ResponseHeadersPolicyAccessControlExposeHeaders$ = ResponseHeadersPolicyAccessControlExposeHeaders$;
    exports.ResponseHeadersPolicyAlreadyExists = ResponseHeadersPolicyAlreadyExists;
    exports.ResponseHeadersPolicyAlreadyExists$ = ResponseHeadersPolicyAlreadyExists$;
    exports.ResponseHeadersPolicyConfig$ = ResponseHeadersPolicyConfig$;
    exports.ResponseHeadersPolicyContentSecurityPolicy$ = ResponseHeadersPolicyContentSecurityPolicy$;
    exports.ResponseHeadersPolicyContentTypeOptions$ = ResponseHeadersPolicyContentTypeOptions$;
    exports.ResponseHeadersPolicyCorsConfig$ = ResponseHeadersPolicyCorsConfig$;
    exports.ResponseHeadersPolicyCustomHeader$ = ResponseHeadersPolicyCustomHeader$;
    exports.ResponseHeadersPolicyCustomHeadersConfig$ = ResponseHeadersPolicyCustomHeadersConfig$;
    exports.ResponseHeadersPolicyFrameOptions$ = ResponseHeadersPolicyFrameOptions$;
    exports.ResponseHeadersPolicyInUse = ResponseHeadersPolicyInUse;
    exports.ResponseHeadersPolicyInUse$ = ResponseHeadersPolicyInUse$;
    exports.ResponseHeadersPolicyList$ = ResponseHeadersPolicyList$;
    exports.ResponseHeadersPolicyReferrerPolicy$ = ResponseHeadersPolicyReferrerPolicy$;
    exports.ResponseHeadersPolicyRemoveHeader$ = ResponseHeadersPolicyRemoveHeader$;
    exports.ResponseHeadersPolicyRemoveHeadersConfig$ = ResponseHeadersPolicyRemoveHeadersConfig$;
    exports.ResponseHeadersPolicySecurityHeadersConfig$ = ResponseHeadersPolicySecurityHeadersConfig$;
    exports.ResponseHeadersPolicyServerTimingHeadersConfig$ = ResponseHeadersPolicyServerTimingHeadersConfig$;
    exports.ResponseHeadersPolicyStrictTransportSecurity$ = ResponseHeadersPolicyStrictTransportSecurity$;
    exports.ResponseHeadersPolicySummary$ = ResponseHeadersPolicySummary$;
    exports.ResponseHeadersPolicyType = ResponseHeadersPolicyType;
    exports.ResponseHeadersPolicyXSSProtection$ = ResponseHeadersPolicyXSSProtection$;
    exports.Restrictions$ = Restrictions$;
    exports.S3Origin$ = S3Origin$;
    exports.S3OriginConfig$ = S3OriginConfig$;
    exports.SSLSupportMethod = SSLSupportMethod;
    exports.SessionStickinessConfig$ = SessionStickinessConfig$;
    exports.Signer$ = Signer$;
    exports.SslProtocol = SslProtocol;
    exports.StagingDistributionDnsNames$ = StagingDistributionDnsNames$;
    exports.StagingDistributionInUse = StagingDistributionInUse;
    exports.StagingDistributionInUse$ = StagingDistributionInUse$;
    exports.StatusCodes$ = StatusCodes$;
    exports.StreamingDistribution$ = StreamingDistribution$;
    exports.StreamingDistributionAlreadyExists = StreamingDistributionAlreadyExists;
    exports.StreamingDistributionAlreadyExists$ = StreamingDistributionAlreadyExists$;
    exports.StreamingDistributionConfig$ = StreamingDistributionConfig$;
    exports.StreamingDistributionConfigWithTags$ = StreamingDistributionConfigWithTags$;
    exports.StreamingDistributionList$ = StreamingDistributionList$;
    exports.StreamingDistributionNotDisabled = StreamingDistributionNotDisabled;
    exports.StreamingDistributionNotDisabled$ = StreamingDistributionNotDisabled$;
    exports.StreamingDistributionSummary$ = StreamingDistributionSummary$;
    exports.StreamingLoggingConfig$ = StreamingLoggingConfig$;
    exports.StringSchemaConfig$ = StringSchemaConfig$;
    exports.Tag$ = Tag$;
    exports.TagKeys$ = TagKeys$;
    exports.TagResource$ = TagResource$;
    exports.TagResourceCommand = TagResourceCommand;
    exports.TagResourceRequest$ = TagResourceRequest$;
    exports.Tags$ = Tags$;
    exports.TenantConfig$ = TenantConfig$;
    exports.TestConnectionFunction$ = TestConnectionFunction$;
    exports.TestConnectionFunctionCommand = TestConnectionFunctionCommand;
    exports.TestConnectionFunctionRequest$ = TestConnectionFunctionRequest$;
    exports.TestConnectionFunctionResult$ = TestConnectionFunctionResult$;
    exports.TestFunction$ = TestFunction$;
    exports.TestFunctionCommand = TestFunctionCommand;
    exports.TestFunctionFailed = TestFunctionFailed;
    exports.TestFunctionFailed$ = TestFunctionFailed$;
    exports.TestFunctionRequest$ = TestFunctionRequest$;
    exports.TestFunctionResult$ = TestFunctionResult$;
    exports.TestResult$ = TestResult$;
    exports.TooLongCSPInResponseHeadersPolicy = TooLongCSPInResponseHeadersPolicy;
    exports.TooLongCSPInResponseHeadersPolicy$ = TooLongCSPInResponseHeadersPolicy$;
    exports.TooManyCacheBehaviors = TooManyCacheBehaviors;
    exports.TooManyCacheBehaviors$ = TooManyCacheBehaviors$;
    exports.TooManyCachePolicies = TooManyCachePolicies;
    exports.TooManyCachePolicies$ = TooManyCachePolicies$;
    exports.TooManyCertificates = TooManyCertificates;
    exports.TooManyCertificates$ = TooManyCertificates$;
    exports.TooManyCloudFrontOriginAccessIdentities = TooManyCloudFrontOriginAccessIdentities;
    exports.TooManyCloudFrontOriginAccessIdentities$ = TooManyCloudFrontOriginAccessIdentities$;
    exports.TooManyContinuousDeploymentPolicies = TooManyContinuousDeploymentPolicies;
    exports.TooManyContinuousDeploymentPolicies$ = TooManyContinuousDeploymentPolicies$;
    exports.TooManyCookieNamesInWhiteList = TooManyCookieNamesInWhiteList;
    exports.TooManyCookieNamesInWhiteList$ = TooManyCookieNamesInWhiteList$;
    exports.TooManyCookiesInCachePolicy = TooManyCookiesInCachePolicy;
    exports.TooManyCookiesInCachePolicy$ = TooManyCookiesInCachePolicy$;
    exports.TooManyCookiesInOriginRequestPolicy = TooManyCookiesInOriginRequestPolicy;
    exports.TooManyCookiesInOriginRequestPolicy$ = TooManyCookiesInOriginRequestPolicy$;
    exports.TooManyCustomHeadersInResponseHeadersPolicy = TooManyCustomHeadersInResponseHeadersPolicy;
    exports.TooManyCustomHeadersInResponseHeadersPolicy$ = TooManyCustomHeadersInResponseHeadersPolicy$;
    exports.TooManyDistributionCNAMEs = TooManyDistributionCNAMEs;
    exports.TooManyDistributionCNAMEs$ = TooManyDistributionCNAMEs$;
    exports.TooManyDistributions = TooManyDistributions;
    exports.TooManyDistributions$ = TooManyDistributions$;
    exports.TooManyDistributionsAssociatedToCachePolicy = TooManyDistributionsAssociatedToCachePolicy;
    exports.TooManyDistributionsAssociatedToCachePolicy$ = TooManyDistributionsAssociatedToCachePolicy$;
    exports.TooManyDistributionsAssociatedToFieldLevelEncryptionConfig = TooManyDistributionsAssociatedToFieldLevelEncryptionConfig;
    exports.TooManyDistributionsAssociatedToFieldLevelEncryptionConfig$ = TooManyDistributionsAssociatedToFieldLevelEncryptionConfig$;
    exports.TooManyDistributionsAssociatedToKeyGroup = TooManyDistributionsAssociatedToKeyGroup;
    exports.TooManyDistributionsAssociatedToKeyGroup$ = TooManyDistributionsAssociatedToKeyGroup$;
    exports.TooManyDistributionsAssociatedToOriginAccessControl = TooManyDistributionsAssociatedToOriginAccessControl;
    exports.TooManyDistributionsAssociatedToOriginAccessControl$ = TooManyDistributionsAssociatedToOriginAccessControl$;
    exports.TooManyDistributionsAssociatedToOriginRequestPolicy = TooManyDistributionsAssociatedToOriginRequestPolicy;
    exports.TooManyDistributionsAssociatedToOriginRequestPolicy$ = TooManyDistributionsAssociatedToOriginRequestPolicy$;
    exports.TooManyDistributionsAssociatedToResponseHeadersPolicy = TooManyDistributionsAssociatedToResponseHeadersPolicy;
    exports.TooManyDistributionsAssociatedToResponseHeadersPolicy$ = TooManyDistributionsAssociatedToResponseHeadersPolicy$;
    exports.TooManyDistributionsWithFunctionAssociations = TooManyDistributionsWithFunctionAssociations;
    exports.TooManyDistributionsWithFunctionAssociations$ = TooManyDistributionsWithFunctionAssociations$;
    exports.TooManyDistributionsWithLambdaAssociations = TooManyDistributionsWithLambdaAssociations;
    exports.TooManyDistributionsWithLambdaAssociations$ = TooManyDistributionsWithLambdaAssociations$;
    exports.TooManyDistributionsWithSingleFunctionARN = TooManyDistributionsWithSingleFunctionARN;
    exports.TooManyDistributionsWithSingleFunctionARN$ = TooManyDistributionsWithSingleFunctionARN$;
    exports.TooManyFieldLevelEncryptionConfigs = TooManyFieldLevelEncryptionConfigs;
    exports.TooManyFieldLevelEncryptionConfigs$ = TooManyFieldLevelEncryptionConfigs$;
    exports.TooManyFieldLevelEncryptionContentTypeProfiles = TooManyFieldLevelEncryptionContentTypeProfiles;
    exports.TooManyFieldLevelEncryptionContentTypeProfiles$ = TooManyFieldLevelEncryptionContentTypeProfiles$;
    exports.TooManyFieldLevelEncryptionEncryptionEntities = TooManyFieldLevelEncryptionEncryptionEntities;
    exports.TooManyFieldLevelEncryptionEncryptionEntities$ = TooManyFieldLevelEncryptionEncryptionEntities$;
    exports.TooManyFieldLevelEncryptionFieldPatterns = TooManyFieldLevelEncryptionFieldPatterns;
    exports.TooManyFieldLevelEncryptionFieldPatterns$ = TooManyFieldLevelEncryptionFieldPatterns$;
    exports.TooManyFieldLevelEncryptionProfiles = TooManyFieldLevelEncryptionProfiles;
    exports.TooManyFieldLevelEncryptionProfiles$ = TooManyFieldLevelEncryptionProfiles$;
    exports.TooManyFieldLevelEncryptionQueryArgProfiles = TooManyFieldLevelEncryptionQueryArgProfiles;
    exports.TooManyFieldLevelEncryptionQueryArgProfiles$ = TooManyFieldLevelEncryptionQueryArgProfiles$;
    exports.TooManyFunctionAssociations = TooManyFunctionAssociations;
    exports.TooManyFunctionAssociations$ = TooManyFunctionAssociations$;
    exports.TooManyFunctions = TooManyFunctions;
    exports.TooManyFunctions$ = TooManyFunctions$;
    exports.TooManyHeadersInCachePolicy = TooManyHeadersInCachePolicy;
    exports.TooManyHeadersInCachePolicy$ = TooManyHeadersInCachePolicy$;
    exports.TooManyHeadersInForwardedValues = TooManyHeadersInForwardedValues;
    exports.TooManyHeadersInForwardedValues$ = TooManyHeadersInForwardedValues$;
    exports.TooManyHeadersInOriginRequestPolicy = TooManyHeadersInOriginRequestPolicy;
    exports.TooManyHeadersInOriginRequestPolicy$ = TooManyHeadersInOriginRequestPolicy$;
    exports.TooManyInvalidationsInProgress = TooManyInvalidationsInProgress;
    exports.TooManyInvalidationsInProgress$ = TooManyInvalidationsInProgress$;
    exports.TooManyKeyGroups = TooManyKeyGroups;
    exports.TooManyKeyGroups$ = TooManyKeyGroups$;
    exports.TooManyKeyGroupsAssociatedToDistribution = TooManyKeyGroupsAssociatedToDistribution;
    exports.TooManyKeyGroupsAssociatedToDistribution$ = TooManyKeyGroupsAssociatedToDistribution$;
    exports.TooManyLambdaFunctionAssociations = TooManyLambdaFunctionAssociations;
    exports.TooManyLambdaFunctionAssociations$ = TooManyLambdaFunctionAssociations$;
    exports.TooManyOriginAccessControls = TooManyOriginAccessControls;
    exports.TooManyOriginAccessControls$ = TooManyOriginAccessControls$;
    exports.TooManyOriginCustomHeaders = TooManyOriginCustomHeaders;
    exports.TooManyOriginCustomHeaders$ = TooManyOriginCustomHeaders$;
    exports.TooManyOriginGroupsPerDistribution = TooManyOriginGroupsPerDistribution;
    exports.TooManyOriginGroupsPerDistribution$ = TooManyOriginGroupsPerDistribution$;
    exports.TooManyOriginRequestPolicies = TooManyOriginRequestPolicies;
    exports.TooManyOriginRequestPolicies$ = TooManyOriginRequestPolicies$;
    exports.TooManyOrigins = TooManyOrigins;
    exports.TooManyOrigins$ = TooManyOrigins$;
    exports.TooManyPublicKeys = TooManyPublicKeys;
    exports.TooManyPublicKeys$ = TooManyPublicKeys$;
    exports.TooManyPublicKeysInKeyGroup = TooManyPublicKeysInKeyGroup;
    exports.TooManyPublicKeysInKeyGroup$ = TooManyPublicKeysInKeyGroup$;
    exports.TooManyQueryStringParameters = TooManyQueryStringParameters;
    exports.TooManyQueryStringParameters$ = TooManyQueryStringParameters$;
    exports.TooManyQueryStringsInCachePolicy = TooManyQueryStringsInCachePolicy;
    exports.TooManyQueryStringsInCachePolicy$ = TooManyQueryStringsInCachePolicy$;
    exports.TooManyQueryStringsInOriginRequestPolicy = TooManyQueryStringsInOriginRequestPolicy;
    exports.TooManyQueryStringsInOriginRequestPolicy$ = TooManyQueryStringsInOriginRequestPolicy$;
    exports.TooManyRealtimeLogConfigs = TooManyRealtimeLogConfigs;
    exports.TooManyRealtimeLogConfigs$ = TooManyRealtimeLogConfigs$;
    exports.TooManyRemoveHeadersInResponseHeadersPolicy = TooManyRemoveHeadersInResponseHeadersPolicy;
    exports.TooManyRemoveHeadersInResponseHeadersPolicy$ = TooManyRemoveHeadersInResponseHeadersPolicy$;
    exports.TooManyResponseHeadersPolicies = TooManyResponseHeadersPolicies;
    exports.TooManyResponseHeadersPolicies$ = TooManyResponseHeadersPolicies$;
    exports.TooManyStreamingDistributionCNAMEs = TooManyStreamingDistributionCNAMEs;
    exports.TooManyStreamingDistributionCNAMEs$ = TooManyStreamingDistributionCNAMEs$;
    exports.TooManyStreamingDistributions = TooManyStreamingDistributions;
    exports.TooManyStreamingDistributions$ = TooManyStreamingDistributions$;
    exports.TooManyTrustedSigners = TooManyTrustedSigners;
    exports.TooManyTrustedSigners$ = TooManyTrustedSigners$;
    exports.TrafficConfig$ = TrafficConfig$;
    exports.TrustStore$ = TrustStore$;
    exports.TrustStoreConfig$ = TrustStoreConfig$;
    exports.TrustStoreStatus = TrustStoreStatus;
    exports.TrustStoreSummary$ = TrustStoreSummary$;
    exports.TrustedKeyGroupDoesNotExist = TrustedKeyGroupDoesNotExist;
    exports.TrustedKeyGroupDoesNotExist$ = TrustedKeyGroupDoesNotExist$;
    exports.TrustedKeyGroups$ = TrustedKeyGroups$;
    exports.TrustedSignerDoesNotExist = TrustedSignerDoesNotExist;
    exports.TrustedSignerDoesNotExist$ = TrustedSignerDoesNotExist$;
    exports.TrustedSigners$ = TrustedSigners$;
    exports.UnsupportedOperation = UnsupportedOperation;
    exports.UnsupportedOperation$ = UnsupportedOperation$;
    exports.UntagResource$ = UntagResource$;
    exports.UntagResourceCommand = UntagResourceCommand;
    exports.UntagResourceRequest$ = UntagResourceRequest$;
    exports.UpdateAnycastIpList$ = UpdateAnycastIpList$;
    exports.UpdateAnycastIpListCommand = UpdateAnycastIpListCommand;
    exports.UpdateAnycastIpListRequest$ = UpdateAnycastIpListRequest$;
    exports.UpdateAnycastIpListResult$ = UpdateAnycastIpListResult$;
    exports.UpdateCachePolicy$ = UpdateCachePolicy$;
    exports.UpdateCachePolicyCommand = UpdateCachePolicyCommand;
    exports.UpdateCachePolicyRequest$ = UpdateCachePolicyRequest$;
    exports.UpdateCachePolicyResult$ = UpdateCachePolicyResult$;
    exports.UpdateCloudFrontOriginAccessIdentity$ = UpdateCloudFrontOriginAccessIdentity$;
    exports.UpdateCloudFrontOriginAccessIdentityCommand = UpdateCloudFrontOriginAccessIdentityCommand;
    exports.UpdateCloudFrontOriginAccessIdentityRequest$ = UpdateCloudFrontOriginAccessIdentityRequest$;
    exports.UpdateCloudFrontOriginAccessIdentityResult$ = UpdateCloudFrontOriginAccessIdentityResult$;
    exports.UpdateConnectionFunction$ = UpdateConnectionFunction$;
    exports.UpdateConnectionFunctionCommand = UpdateConnectionFunctionCommand;
    exports.UpdateConnectionFunctionRequest$ = UpdateConnectionFunctionRequest$;
    exports.UpdateConnectionFunctionResult$ = UpdateConnectionFunctionResult$;
    exports.UpdateConnectionGroup$ = UpdateConnectionGroup$;
    exports.UpdateConnectionGroupCommand = UpdateConnectionGroupCommand;
    exports.UpdateConnectionGroupRequest$ = UpdateConnectionGroupRequest$;
    exports.UpdateConnectionGroupResult$ = UpdateConnectionGroupResult$;
    exports.UpdateContinuousDeploymentPolicy$ = UpdateContinuousDeploymentPolicy$;
    exports.UpdateContinuousDeploymentPolicyCommand = UpdateContinuousDeploymentPolicyCommand;
    exports.UpdateContinuousDeploymentPolicyRequest$ = UpdateContinuousDeploymentPolicyRequest$;
    exports.UpdateContinuousDeploymentPolicyResult$ = UpdateContinuousDeploymentPolicyResult$;
    exports.UpdateDistribution$ = UpdateDistribution$;
    exports.UpdateDistributionCommand = UpdateDistributionCommand;
    exports.UpdateDistributionRequest$ = UpdateDistributionRequest$;
    exports.UpdateDistributionResult$ = UpdateDistributionResult$;
    exports.UpdateDistributionTenant$ = UpdateDistributionTenant$;
    exports.UpdateDistributionTenantCommand = UpdateDistributionTenantCommand;
    exports.UpdateDistributionTenantRequest$ = UpdateDistributionTenantRequest$;
    exports.UpdateDistributionTenantResult$ = UpdateDistributionTenantResult$;
    exports.UpdateDistributionWithStagingConfig$ = UpdateDistributionWithStagingConfig$;
    exports.UpdateDistributionWithStagingConfigCommand = UpdateDistributionWithStagingConfigCommand;
    exports.UpdateDistributionWithStagingConfigRequest$ = UpdateDistributionWithStagingConfigRequest$;
    exports.UpdateDistributionWithStagingConfigResult$ = UpdateDistributionWithStagingConfigResult$;
    exports.UpdateDomainAssociation$ = UpdateDomainAssociation$;
    exports.UpdateDomainAssociationCommand = UpdateDomainAssociationCommand;
    exports.UpdateDomainAssociationRequest$ = UpdateDomainAssociationRequest$;
    exports.UpdateDomainAssociationResult$ = UpdateDomainAssociationResult$;
    exports.UpdateFieldLevelEncryptionConfig$ = UpdateFieldLevelEncryptionConfig$;
    exports.UpdateFieldLevelEncryptionConfigCommand = UpdateFieldLevelEncryptionConfigCommand;
    exports.UpdateFieldLevelEncryptionConfigRequest$ = UpdateFieldLevelEncryptionConfigRequest$;
    exports.UpdateFieldLevelEncryptionConfigResult$ = UpdateFieldLevelEncryptionConfigResult$;
    exports.UpdateFieldLevelEncryptionProfile$ = UpdateFieldLevelEncryptionProfile$;
    exports.UpdateFieldLevelEncryptionProfileCommand = UpdateFieldLevelEncryptionProfileCommand;
    exports.UpdateFieldLevelEncryptionProfileRequest$ = UpdateFieldLevelEncryptionProfileRequest$;
    exports.UpdateFieldLevelEncryptionProfileResult$ = UpdateFieldLevelEncryptionProfileResult$;
    exports.UpdateFunction$ = UpdateFunction$;
    exports.UpdateFunctionCommand = UpdateFunctionCommand;
    exports.UpdateFunctionRequest$ = UpdateFunctionRequest$;
    exports.UpdateFunctionResult$ = UpdateFunctionResult$;
    exports.UpdateKeyGroup$ = UpdateKeyGroup$;
    exports.UpdateKeyGroupCommand = UpdateKeyGroupCommand;
    exports.UpdateKeyGroupRequest$ = UpdateKeyGroupRequest$;
    exports.UpdateKeyGroupResult$ = UpdateKeyGroupResult$;
    exports.UpdateKeyValueStore$ = UpdateKeyValueStore$;
    exports.UpdateKeyValueStoreCommand = UpdateKeyValueStoreCommand;
    exports.UpdateKeyValueStoreRequest$ = UpdateKeyValueStoreRequest$;
    exports.UpdateKeyValueStoreResult$ = UpdateKeyValueStoreResult$;
    exports.UpdateOriginAccessControl$ = UpdateOriginAccessControl$;
    exports.UpdateOriginAccessControlCommand = UpdateOriginAccessControlCommand;
    exports.UpdateOriginAccessControlRequest$ = UpdateOriginAccessControlRequest$;
    exports.UpdateOriginAccessControlResult$ = UpdateOriginAccessControlResult$;
    exports.UpdateOriginRequestPolicy$ = UpdateOriginRequestPolicy$;
    exports.UpdateOriginRequestPolicyCommand = UpdateOriginRequestPolicyCommand;
    exports.UpdateOriginRequestPolicyRequest$ = UpdateOriginRequestPolicyRequest$;
    exports.UpdateOriginRequestPolicyResult$ = UpdateOriginRequestPolicyResult$;
    exports.UpdatePublicKey$ = UpdatePublicKey$;
    exports.UpdatePublicKeyCommand = UpdatePublicKeyCommand;
    exports.UpdatePublicKeyRequest$ = UpdatePublicKeyRequest$;
    exports.UpdatePublicKeyResult$ = UpdatePublicKeyResult$;
    exports.UpdateRealtimeLogConfig$ = UpdateRealtimeLogConfig$;
    exports.UpdateRealtimeLogConfigCommand = UpdateRealtimeLogConfigCommand;
    exports.UpdateRealtimeLogConfigRequest$ = UpdateRealtimeLogConfigRequest$;
    exports.UpdateRealtimeLogConfigResult$ = UpdateRealtimeLogConfigResult$;
    exports.UpdateResponseHeadersPolicy$ = UpdateResponseHeadersPolicy$;
    exports.UpdateResponseHeadersPolicyCommand = UpdateResponseHeadersPolicyCommand;
    exports.UpdateResponseHeadersPolicyRequest$ = UpdateResponseHeadersPolicyRequest$;
    exports.UpdateResponseHeadersPolicyResult$ = UpdateResponseHeadersPolicyResult$;
    exports.UpdateStreamingDistribution$ = UpdateStreamingDistribution$;
    exports.UpdateStreamingDistributionCommand = UpdateStreamingDistributionCommand;
    exports.UpdateStreamingDistributionRequest$ = UpdateStreamingDistributionRequest$;
    exports.UpdateStreamingDistributionResult$ = UpdateStreamingDistributionResult$;
    exports.UpdateTrustStore$ = UpdateTrustStore$;
    exports.UpdateTrustStoreCommand = UpdateTrustStoreCommand;
    exports.UpdateTrustStoreRequest$ = UpdateTrustStoreRequest$;
    exports.UpdateTrustStoreResult$ = UpdateTrustStoreResult$;
    exports.UpdateVpcOrigin$ = UpdateVpcOrigin$;
    exports.UpdateVpcOriginCommand = UpdateVpcOriginCommand;
    exports.UpdateVpcOriginRequest$ = UpdateVpcOriginRequest$;
    exports.UpdateVpcOriginResult$ = UpdateVpcOriginResult$;
    exports.ValidationTokenDetail$ = ValidationTokenDetail$;
    exports.ValidationTokenHost = ValidationTokenHost;
    exports.VerifyDnsConfiguration$ = VerifyDnsConfiguration$;
    exports.VerifyDnsConfigurationCommand = VerifyDnsConfigurationCommand;
    exports.VerifyDnsConfigurationRequest$ = VerifyDnsConfigurationRequest$;
    exports.VerifyDnsConfigurationResult$ = VerifyDnsConfigurationResult$;
    exports.ViewerCertificate$ = ViewerCertificate$;
    exports.ViewerMtlsConfig$ = ViewerMtlsConfig$;
    exports.ViewerMtlsMode = ViewerMtlsMode;
    exports.ViewerProtocolPolicy = ViewerProtocolPolicy;
    exports.VpcIpAddressType = VpcIpAddressType;
    exports.VpcOrigin$ = VpcOrigin$;
    exports.VpcOriginConfig$ = VpcOriginConfig$;
    exports.VpcOriginEndpointConfig$ = VpcOriginEndpointConfig$;
    exports.VpcOriginList$ = VpcOriginList$;
    exports.VpcOriginSummary$ = VpcOriginSummary$;
    exports.WebAclCustomization$ = WebAclCustomization$;
    exports.errorTypeRegistries = errorTypeRegistries;
    exports.paginateListCloudFrontOriginAccessIdentities = paginateListCloudFrontOriginAccessIdentities;
    exports.paginateListConnectionFunctions = paginateListConnectionFunctions;
    exports.paginateListConnectionGroups = paginateListConnectionGroups;
    exports.paginateListDistributionTenants = paginateListDistributionTenants;
    exports.paginateListDistributionTenantsByCustomization = paginateListDistributionTenantsByCustomization;
    exports.paginateListDistributions = paginateListDistributions;
    exports.paginateListDistributionsByConnectionFunction = paginateListDistributionsByConnectionFunction;
    exports.paginateListDistributionsByConnectionMode = paginateListDistributionsByConnectionMode;
    exports.paginateListDistributionsByTrustStore = paginateListDistributionsByTrustStore;
    exports.paginateListDomainConflicts = paginateListDomainConflicts;
    exports.paginateListInvalidations = paginateListInvalidations;
    exports.paginateListInvalidationsForDistributionTenant = paginateListInvalidationsForDistributionTenant;
    exports.paginateListKeyValueStores = paginateListKeyValueStores;
    exports.paginateListOriginAccessControls = paginateListOriginAccessControls;
    exports.paginateListPublicKeys = paginateListPublicKeys;
    exports.paginateListStreamingDistributions = paginateListStreamingDistributions;
    exports.paginateListTrustStores = paginateListTrustStores;
    exports.waitForDistributionDeployed = waitForDistributionDeployed;
    exports.waitForInvalidationCompleted = waitForInvalidationCompleted;
    exports.waitForInvalidationForDistributionTenantCompleted = waitForInvalidationForDistributionTenantCompleted;
    exports.waitForStreamingDistributionDeployed = waitForStreamingDistributionDeployed;
    exports.waitUntilDistributionDeployed = waitUntilDistributionDeployed;
    exports.waitUntilInvalidationCompleted = waitUntilInvalidationCompleted2;
    exports.waitUntilInvalidationForDistributionTenantCompleted = waitUntilInvalidationForDistributionTenantCompleted;
    exports.waitUntilStreamingDistributionDeployed = waitUntilStreamingDistributionDeployed;
  }
});

// providers/cloudfront.ts
var import_client_cloudfront = __toESM(require_dist_cjs3(), 1);
var MAX_PATHS = 1e3;
function invalidationPaths(keys, prefix) {
  if (keys.length > MAX_PATHS) return [prefix ? `/${prefix}/*` : "/*"];
  return [...new Set(keys)].sort().map((key) => "/" + joinKey(prefix, key).split("/").map(encodeURIComponent).join("/"));
}
function createInvalidator(options, prefix) {
  const distribution = options.cloudfrontDistribution;
  const client = new import_client_cloudfront.CloudFrontClient({
    region: "us-east-1",
    maxAttempts: 1,
    ...options.cloudfrontEndpoint ? { endpoint: options.cloudfrontEndpoint } : {},
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 6e4 }
  });
  return {
    async invalidate(keys, { wait }) {
      const paths = invalidationPaths(keys, prefix);
      try {
        const created = await client.send(
          new import_client_cloudfront.CreateInvalidationCommand({
            DistributionId: distribution,
            InvalidationBatch: { CallerReference: `flagwright-${Date.now()}-${Math.random().toString(36).slice(2)}`, Paths: { Quantity: paths.length, Items: paths } }
          })
        );
        if (wait) {
          const result = await (0, import_client_cloudfront.waitUntilInvalidationCompleted)(
            // Test endpoints answer at once; real invalidations take minutes, so poll gently there.
            { client, minDelay: options.cloudfrontEndpoint ? 0.05 : 10, maxDelay: options.cloudfrontEndpoint ? 0.2 : 30, maxWaitTime: 1200 },
            { DistributionId: distribution, Id: created.Invalidation.Id }
          );
          if (result.state !== "SUCCESS") throw new Error(`invalidation ${created.Invalidation.Id} did not complete (${result.state})`);
        }
        return paths;
      } catch (error) {
        if (error?.name === "NoSuchDistribution") throw new ProviderError(`CloudFront distribution "${distribution}" does not exist`);
        if (error?.name === "AccessDenied" || error?.$metadata?.httpStatusCode === 403) {
          throw new ProviderError(`access denied on CloudFront distribution "${distribution}": the role needs cloudfront:CreateInvalidation and cloudfront:GetInvalidation`);
        }
        throw error;
      }
    },
    close() {
      client.destroy();
    }
  };
}
export {
  createInvalidator,
  invalidationPaths
};
