//! The corpus store over HTTP (being written).
