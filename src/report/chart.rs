//! One metric's chart: years across, values up, one colour per document,
//! goals and reported figures as different marks, drawn by plotters on
//! its SVG backend. The page lays a link over every mark, at the pixel
//! plotters put it.

use plotters::coord::Shift;
use plotters::prelude::*;
use zhen_extract::Comparator;

/// Size of a chart in pixels.
pub const WIDTH: u32 = 760;
pub const HEIGHT: u32 = 340;

/// A colour for each series, in turn (Tableau 10).
pub const PALETTE: [(u8, u8, u8); 10] = [
    (78, 121, 167),
    (242, 142, 43),
    (225, 87, 89),
    (118, 183, 178),
    (89, 161, 79),
    (237, 201, 72),
    (176, 122, 161),
    (255, 157, 167),
    (156, 117, 95),
    (186, 176, 172),
];

/// The CSS colour of series `i`.
pub fn colour(i: usize) -> String {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// One figure to draw.
#[derive(Debug, Clone)]
pub struct Datum {
    /// The year it is for.
    pub year: i32,
    /// Its value, in the chart's unit.
    pub value: f64,
    /// A goal (else a reported figure).
    pub goal: bool,
    /// How the value bounds the metric.
    pub comparator: Comparator,
    /// Its series (document).
    pub series: usize,
}

/// A drawn chart: the SVG, and where each datum's mark landed.
#[derive(Debug, Clone)]
pub struct Drawn {
    /// The SVG document plotters wrote.
    pub svg: String,
    /// The pixel centre of each datum's mark, in the order given.
    pub at: Vec<(i32, i32)>,
}

/// The comparator as a sign before the value (none for `eq`).
pub fn sign(c: Comparator) -> &'static str {
    match c {
        Comparator::Gt => ">",
        Comparator::Gte => "≥",
        Comparator::Eq => "",
        Comparator::Approx => "≈",
        Comparator::Lt => "<",
        Comparator::Lte => "≤",
    }
}

/// A short form of a value for axes and labels: `2.6`, `45k`, `1.2B`.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    let (scaled, suffix) = if a >= 1e12 {
        (v / 1e12, "T")
    } else if a >= 1e9 {
        (v / 1e9, "B")
    } else if a >= 1e6 {
        (v / 1e6, "M")
    } else if a >= 1e4 {
        (v / 1e3, "k")
    } else {
        (v, "")
    };
    let digits = if scaled.fract().abs() < 1e-9 { 0 } else { 2 };
    let s = format!("{scaled:.digits$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    format!("{s}{suffix}")
}

/// Draws `data` with `unit` along the value axis. Data of one series are
/// joined in year order; series sit a little apart across each year so
/// that equal figures of two documents stay apart.
pub fn draw(data: &[Datum], series: usize, unit: &str, suffix: &str) -> Drawn {
    let mut svg = String::new();
    let mut at = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        // a chart that fails to draw (it cannot, on a String) is left blank
        let _ = plot(&root, data, series, unit, suffix, &mut at);
        let _ = root.present();
    }
    if at.len() != data.len() {
        at = vec![(-100, -100); data.len()];
    }
    Drawn { svg, at }
}

/// Where series `s` of `n` sits across its year.
fn nudge(s: usize, n: usize) -> f64 {
    if n <= 1 {
        0.0
    } else {
        (s as f64 / (n - 1) as f64 - 0.5) * 0.5
    }
}

fn plot<'a>(
    root: &'a DrawingArea<SVGBackend<'_>, Shift>,
    data: &[Datum],
    series: usize,
    unit: &str,
    suffix: &str,
    at: &mut Vec<(i32, i32)>,
) -> Result<(), Box<dyn std::error::Error + 'a>> {
    root.fill(&WHITE)?;
    let (first, last) = data.iter().fold((i32::MAX, i32::MIN), |(a, b), d| {
        (a.min(d.year), b.max(d.year))
    });
    let (first, last) = if data.is_empty() {
        (2020, 2025)
    } else {
        (first, last)
    };
    let top = data.iter().map(|d| d.value).fold(0.0f64, f64::max);
    let bottom = data.iter().map(|d| d.value).fold(0.0f64, f64::min);
    let top = if top <= bottom {
        bottom + 1.0
    } else {
        top + (top - bottom) * 0.15
    };
    let x = (f64::from(first) - 0.7)..(f64::from(last) + 0.7);
    let years = (last - first + 1).clamp(1, 12) as usize;
    let mut chart = ChartBuilder::on(root)
        .margin(14)
        .x_label_area_size(30)
        .y_label_area_size(64)
        .build_cartesian_2d(x, bottom..top)?;
    let label_font = ("sans-serif", 13).into_font();
    chart
        .configure_mesh()
        .x_labels(years + 1)
        .x_label_formatter(&|x| {
            if (x - x.round()).abs() < 1e-6 {
                format!("{:.0}", x)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| format!("{}{suffix}", compact(*y)))
        .y_desc(unit)
        .label_style(label_font.clone())
        .light_line_style(RGBColor(238, 238, 238))
        .bold_line_style(RGBColor(210, 210, 210))
        .draw()?;
    let place = |d: &Datum| (f64::from(d.year) + nudge(d.series, series), d.value);
    for s in 0..series {
        let (r, g, b) = PALETTE[s % PALETTE.len()];
        let c = RGBColor(r, g, b);
        let mut line: Vec<(f64, f64)> = data.iter().filter(|d| d.series == s).map(place).collect();
        line.sort_by(|a, b| a.0.total_cmp(&b.0));
        if line.len() > 1 {
            chart.draw_series(LineSeries::new(line, c.mix(0.55).stroke_width(1)))?;
        }
    }
    let small = ("sans-serif", 11).into_font().color(&RGBColor(60, 60, 60));
    for d in data {
        let (r, g, b) = PALETTE[d.series % PALETTE.len()];
        let c = RGBColor(r, g, b);
        let p = place(d);
        let label = format!("{}{}{suffix}", sign(d.comparator), compact(d.value));
        if d.goal {
            chart.draw_series(std::iter::once(
                EmptyElement::at(p)
                    + Rectangle::new([(-5, -5), (5, 5)], c.stroke_width(2))
                    + Text::new(label, (8, -14), small.clone()),
            ))?;
        } else {
            chart.draw_series(std::iter::once(
                EmptyElement::at(p)
                    + Circle::new((0, 0), 5, c.filled())
                    + Text::new(label, (8, -14), small.clone()),
            ))?;
        }
        at.push(chart.backend_coord(&p));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_values() {
        assert_eq!(compact(2.6), "2.6");
        assert_eq!(compact(3.0), "3");
        assert_eq!(compact(45000.0), "45k");
        assert_eq!(compact(1.2e11), "120B");
        assert_eq!(compact(2.11), "2.11");
    }

    #[test]
    fn every_datum_gets_a_mark_inside_the_chart() {
        let data = [
            Datum {
                year: 2020,
                value: 2.11,
                goal: false,
                comparator: Comparator::Eq,
                series: 0,
            },
            Datum {
                year: 2025,
                value: 2.6,
                goal: true,
                comparator: Comparator::Eq,
                series: 0,
            },
            Datum {
                year: 2035,
                value: 3.0,
                goal: true,
                comparator: Comparator::Gte,
                series: 1,
            },
        ];
        let drawn = draw(&data, 2, "percent", "%");
        assert!(drawn.svg.starts_with("<svg"), "{}", &drawn.svg[..80]);
        assert!(drawn.svg.contains("≥3%"));
        assert_eq!(drawn.at.len(), 3);
        for (x, y) in &drawn.at {
            assert!((0..WIDTH as i32).contains(x) && (0..HEIGHT as i32).contains(y));
        }
        // later years to the right, bigger values higher up
        assert!(drawn.at[0].0 < drawn.at[1].0 && drawn.at[1].0 < drawn.at[2].0);
        assert!(drawn.at[0].1 > drawn.at[1].1 && drawn.at[1].1 > drawn.at[2].1);
    }
}
