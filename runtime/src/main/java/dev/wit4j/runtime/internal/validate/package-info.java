/**
 * The component validator (Explainer.md, Binary.md and CanonicalABI.md's validation rules),
 * separate from the decoder's model: {@code ComponentValidator} walks a decoded component's
 * sections with a {@code Scope} of index spaces, checks types ({@code TypeDefinitions},
 * {@code Subtyping}), imports and exports ({@code Externs}, {@code Names}), instantiations
 * ({@code Instantiation}), canonical definitions ({@code Canonicals}, {@code Builtins}) and the
 * gated features ({@link dev.wit4j.runtime.ValidationFeatures},
 * {@code FeatureGates}); core modules go to the engine's validation. Its result, a
 * {@link dev.wit4j.runtime.internal.validate.ValidatedComponent}, describes the component's type
 * ({@link dev.wit4j.runtime.TypeView}) for linking and for bindings.
 */
package dev.wit4j.runtime.internal.validate;
