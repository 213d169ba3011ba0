//! An exact decimal accumulator for the number reader.
//!
//! Numbers are read as sums of digits times powers of ten (`4.5万` is 45
//! × 10³, `1千2百万` is (1 × 10³ + 2 × 10²) × 10⁴). Doing that arithmetic
//! in binary floating point leaves noise (`145.7 × 1e8` is
//! `14569999999.999998`); doing it in decimal and converting once at the end
//! gives the correctly rounded value, and a value past the range of `f64`
//! is an overflow instead of infinity.

/// A decimal `mantissa × 10^exponent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dec {
    mantissa: i128,
    exponent: i32,
}

/// The value does not fit: too many digits for the accumulator, or past
/// the range of `f64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Overflow;

/// The largest exponent kept; anything larger is past `f64` anyway.
const MAX_EXPONENT: i32 = 400;

impl Dec {
    pub(crate) const ZERO: Dec = Dec {
        mantissa: 0,
        exponent: 0,
    };
    pub(crate) const ONE: Dec = Dec {
        mantissa: 1,
        exponent: 0,
    };

    /// A small integer.
    pub(crate) fn int(n: i64) -> Dec {
        Dec {
            mantissa: n as i128,
            exponent: 0,
        }
    }

    /// `10^e`.
    pub(crate) fn pow10(e: i32) -> Dec {
        Dec {
            mantissa: 1,
            exponent: e,
        }
    }

    /// Reads ASCII digits with at most one `.` (`"145.7"`); separators must
    /// be removed first.
    pub(crate) fn parse(s: &str) -> Result<Dec, Overflow> {
        let mut mantissa: i128 = 0;
        let mut exponent = 0i32;
        let mut after_point = false;
        for b in s.bytes() {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa
                        .checked_mul(10)
                        .and_then(|m| m.checked_add((b - b'0') as i128))
                        .ok_or(Overflow)?;
                    if after_point {
                        exponent -= 1;
                    }
                }
                b'.' if !after_point => after_point = true,
                _ => return Err(Overflow),
            }
        }
        Ok(Dec { mantissa, exponent })
    }

    /// True for zero.
    pub(crate) fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// `self × 10^e`.
    pub(crate) fn shift(self, e: i32) -> Result<Dec, Overflow> {
        if self.mantissa == 0 {
            return Ok(Dec::ZERO);
        }
        let exponent = self.exponent.checked_add(e).ok_or(Overflow)?;
        if exponent > MAX_EXPONENT {
            return Err(Overflow);
        }
        Ok(Dec {
            mantissa: self.mantissa,
            exponent,
        })
    }

    /// `self × other`.
    pub(crate) fn mul(self, other: Dec) -> Result<Dec, Overflow> {
        let m = self.mantissa.checked_mul(other.mantissa).ok_or(Overflow)?;
        Dec {
            mantissa: m,
            exponent: 0,
        }
        .shift(self.exponent + other.exponent)
    }

    /// `self + other`, exactly.
    pub(crate) fn add(self, other: Dec) -> Result<Dec, Overflow> {
        if other.mantissa == 0 {
            return Ok(self);
        }
        if self.mantissa == 0 {
            return Ok(other);
        }
        let (hi, lo) = if self.exponent >= other.exponent {
            (self, other)
        } else {
            (other, self)
        };
        let gap = (hi.exponent - lo.exponent) as u32;
        let scaled = 10i128
            .checked_pow(gap)
            .and_then(|p| hi.mantissa.checked_mul(p))
            .ok_or(Overflow)?;
        Ok(Dec {
            mantissa: scaled.checked_add(lo.mantissa).ok_or(Overflow)?,
            exponent: lo.exponent,
        })
    }

    /// True where the value is a whole number below `10^e`.
    pub(crate) fn below_pow10(self, e: i32) -> bool {
        self.to_f64().is_ok_and(|v| v.abs() < 10f64.powi(e))
    }

    /// The value, correctly rounded; an overflow past `f64`.
    pub(crate) fn to_f64(self) -> Result<f64, Overflow> {
        let v: f64 = format!("{}e{}", self.mantissa, self.exponent)
            .parse()
            .map_err(|_| Overflow)?;
        if v.is_finite() {
            Ok(v)
        } else {
            Err(Overflow)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_of_scaled_decimals_are_exact() {
        let v = Dec::parse("145.7").unwrap().shift(8).unwrap();
        assert_eq!(v.to_f64(), Ok(14_570_000_000.0));
        let a = Dec::int(1).shift(3).unwrap();
        let b = Dec::int(2).shift(2).unwrap();
        let s = a.add(b).unwrap().shift(4).unwrap();
        assert_eq!(s.to_f64(), Ok(12_000_000.0));
        assert_eq!(
            Dec::parse("0.1")
                .unwrap()
                .add(Dec::parse("0.2").unwrap())
                .unwrap()
                .to_f64(),
            Ok(0.3)
        );
    }

    #[test]
    fn past_f64_is_an_overflow() {
        assert_eq!(Dec::ONE.shift(312).and_then(|d| d.to_f64()), Err(Overflow));
        assert_eq!(Dec::ONE.shift(300).unwrap().to_f64(), Ok(1e300));
        assert_eq!(Dec::parse(&"9".repeat(60)), Err(Overflow));
        assert_eq!(
            Dec::ONE.shift(308).unwrap().shift(1).unwrap().to_f64(),
            Err(Overflow)
        );
    }

    #[test]
    fn bounds() {
        assert!(Dec::int(4000).below_pow10(4));
        assert!(!Dec::int(40000).below_pow10(4));
    }
}
