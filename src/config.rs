//! `factlint.yaml`: found by walking up from the working directory; flags override it.
