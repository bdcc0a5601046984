//! Sine and cosine for the angles a picture uses. The standard library's
//! versions reduce any angle exactly, which brings about 6 KB of wasm for
//! angles no picture has; here an angle is reduced by quarter turns with
//! π/2 in parts (exact for |angle| < 2²⁰·π/2, far beyond a spiral of
//! 100,000 nodes), then evaluated with the fdlibm kernels the standard
//! library uses too. Native and wasm builds so compute the same bits.

use std::f64::consts::FRAC_2_PI;

// π/2 in three parts: the first two have 33 significant bits, so that
// `n * PIO2_1` and `n * PIO2_2` are exact for the quadrant counts we meet.
const PIO2_1: f64 = 1.570_796_326_734_125_614_17e+00;
const PIO2_2: f64 = 6.077_100_506_303_965_976_60e-11;
const PIO2_2T: f64 = 2.022_266_248_795_950_631_54e-21;

/// `(sin(angle), cos(angle))`, accurate to about one unit in the last place
/// for |angle| up to a million.
pub fn sin_cos(angle: f64) -> (f64, f64) {
    if !angle.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let n = (angle * FRAC_2_PI).round();
    let high = angle - n * PIO2_1;
    let w = n * PIO2_2;
    let y0 = high - w;
    let y1 = ((high - y0) - w) - n * PIO2_2T;
    let (s, c) = (kernel_sin(y0, y1), kernel_cos(y0, y1));
    match (n as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// sin(x + y) for |x + y| ≤ π/4, y the tail of x (fdlibm's __kernel_sin).
fn kernel_sin(x: f64, y: f64) -> f64 {
    const S1: f64 = -1.666_666_666_666_663_243_48e-01;
    const S2: f64 = 8.333_333_333_322_489_461_24e-03;
    const S3: f64 = -1.984_126_982_985_794_931_34e-04;
    const S4: f64 = 2.755_731_370_707_006_767_89e-06;
    const S5: f64 = -2.505_076_025_340_686_341_95e-08;
    const S6: f64 = 1.589_690_995_211_550_102_21e-10;
    let z = x * x;
    let w = z * z;
    let r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
    let v = z * x;
    x - ((z * (0.5 * y - v * r) - y) - v * S1)
}

/// cos(x + y) for |x + y| ≤ π/4, y the tail of x (fdlibm's __kernel_cos).
fn kernel_cos(x: f64, y: f64) -> f64 {
    const C1: f64 = 4.166_666_666_666_660_190_37e-02;
    const C2: f64 = -1.388_888_888_887_410_957_49e-03;
    const C3: f64 = 2.480_158_728_947_672_941_78e-05;
    const C4: f64 = -2.755_731_435_139_066_330_35e-07;
    const C5: f64 = 2.087_572_321_298_174_827_90e-09;
    const C6: f64 = -1.135_964_755_778_819_482_65e-11;
    let z = x * x;
    let w = z * z;
    let r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * r - x * y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library_to_the_last_bits() {
        let mut worst = 0.0_f64;
        // Small, medium and spiral-sized angles, both signs, quadrant edges.
        let mut angles: Vec<f64> = (-20_000..=20_000).map(|i| i as f64 * 0.000_61).collect();
        angles.extend((0..100_000).map(|i| i as f64 * 2.399_963_229_728_653));
        angles.extend((-8..=8).map(|q| q as f64 * std::f64::consts::FRAC_PI_2));
        for a in angles {
            let (s, c) = sin_cos(a);
            worst = worst.max((s - a.sin()).abs()).max((c - a.cos()).abs());
        }
        assert!(worst < 1e-15, "largest difference {worst:e}");
        assert_eq!(sin_cos(0.0), (0.0, 1.0));
        assert!(sin_cos(f64::NAN).0.is_nan() && sin_cos(f64::INFINITY).1.is_nan());
    }
}
