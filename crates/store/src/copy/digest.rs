//! A table's content digest: SHA-256 over its rows in key order, each value written with
//! its type and length, so that no two different tables of rows hash alike however their
//! values split. Both engines' rows hash the same when they hold the same values.

use super::{TableCopy, cell::Cell};
use sha2::{Digest as _, Sha256};

pub(super) struct Digest {
    hash: Sha256,
    rows: u64,
}

impl Digest {
    pub(super) fn new() -> Digest {
        Digest {
            hash: Sha256::new(),
            rows: 0,
        }
    }

    pub(super) fn row(&mut self, row: &[Cell]) {
        self.rows += 1;
        self.hash.update(b"R");
        for cell in row {
            match cell {
                Cell::Null => self.hash.update([0]),
                Cell::Int(v) => {
                    self.hash.update([1]);
                    self.hash.update(v.to_be_bytes());
                }
                Cell::Real(v) => {
                    self.hash.update([2]);
                    self.hash.update(v.to_bits().to_be_bytes());
                }
                Cell::Text(v) => self.bytes(3, v.as_bytes()),
                Cell::Blob(v) => self.bytes(4, v),
            }
        }
    }

    fn bytes(&mut self, tag: u8, v: &[u8]) {
        self.hash.update([tag]);
        self.hash.update((v.len() as u64).to_be_bytes());
        self.hash.update(v);
    }

    pub(super) fn finish(self, table: &str) -> TableCopy {
        let digest = self.hash.finalize();
        TableCopy {
            table: table.to_string(),
            rows: self.rows,
            digest: digest.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}
