//! The Morocco–Mali demo dataset (placeholder until written).
