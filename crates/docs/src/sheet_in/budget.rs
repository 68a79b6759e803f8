//! What one file may cost the reader, spent as it is read: bytes inflated (counted by a reader
//! between the zip entry and the parser, never taken from the archive's declarations), cell
//! positions walked, and a deadline. The first limit crossed is remembered, so that a parser
//! stopped by an I/O error can say which limit stopped it.

use crate::sheet_error::{ReadLimits, SheetError};
use std::io::Read;
use std::time::Instant;

pub(crate) struct Budget {
    limits: ReadLimits,
    deadline: Instant,
    bytes: u64,
    cells: u64,
    /// The limit that stopped the reading, if one did.
    tripped: Option<SheetError>,
}

impl Budget {
    pub(crate) fn new(limits: &ReadLimits) -> Self {
        Budget {
            limits: *limits,
            deadline: Instant::now() + limits.max_time,
            bytes: 0,
            cells: 0,
            tripped: None,
        }
    }

    fn trip(&mut self, e: SheetError) -> Result<(), SheetError> {
        self.tripped.get_or_insert(e.clone());
        Err(e)
    }

    /// Spends `n` bytes of unpacked content (inflated, or expanded by a repeat).
    pub(crate) fn bytes(&mut self, n: u64) -> Result<(), SheetError> {
        self.bytes = self.bytes.saturating_add(n);
        if self.bytes > self.limits.max_unpacked_bytes as u64 {
            return self.trip(SheetError::UnpacksTooLarge {
                max_bytes: self.limits.max_unpacked_bytes,
            });
        }
        self.clock()
    }

    /// Spends `n` cell positions.
    pub(crate) fn cells(&mut self, n: u64) -> Result<(), SheetError> {
        self.cells = self.cells.saturating_add(n);
        if self.cells > self.limits.max_cells as u64 {
            return self.trip(SheetError::TooManyCells {
                max: self.limits.max_cells,
            });
        }
        Ok(())
    }

    /// Fails once the deadline has passed.
    pub(crate) fn clock(&mut self) -> Result<(), SheetError> {
        if Instant::now() >= self.deadline {
            return self.trip(SheetError::TooSlow);
        }
        Ok(())
    }

    /// Why a parser failed: the limit that stopped it if one did, else damage.
    pub(crate) fn explain(&self, e: impl std::fmt::Display) -> SheetError {
        self.tripped
            .clone()
            .unwrap_or_else(|| SheetError::Damaged(e.to_string()))
    }
}

/// A reader that spends every byte it hands out from `inner` (a zip entry, inflating as it
/// goes) and fails as soon as the budget is spent or the deadline passed.
pub(crate) struct Metered<'b, R> {
    pub(crate) inner: R,
    pub(crate) budget: &'b mut Budget,
}

impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.budget.bytes(n as u64).map_err(std::io::Error::other)?;
        Ok(n)
    }
}

/// Inflates `entry` to the end without keeping it, spending the budget.
pub(crate) fn drain(entry: impl Read, budget: &mut Budget) -> Result<(), SheetError> {
    let mut metered = Metered {
        inner: entry,
        budget,
    };
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match metered.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(metered.budget.explain(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn each_limit_trips_and_is_remembered() {
        let limits = ReadLimits {
            max_cells: 3,
            max_unpacked_bytes: 10,
            ..ReadLimits::default()
        };
        let mut b = Budget::new(&limits);
        b.cells(3).unwrap();
        assert_eq!(b.cells(1), Err(SheetError::TooManyCells { max: 3 }));
        assert_eq!(
            b.explain("io"),
            SheetError::TooManyCells { max: 3 },
            "the first limit crossed is the reason"
        );
        let mut b = Budget::new(&limits);
        assert!(drain(&b"0123456789"[..], &mut b).is_ok());
        assert_eq!(
            drain(&b"x"[..], &mut b),
            Err(SheetError::UnpacksTooLarge { max_bytes: 10 })
        );
        let mut late = Budget::new(&ReadLimits {
            max_time: Duration::ZERO,
            ..ReadLimits::default()
        });
        assert_eq!(late.clock(), Err(SheetError::TooSlow));
        assert_eq!(
            Budget::new(&limits).explain("bad xml"),
            SheetError::Damaged("bad xml".into())
        );
    }
}
