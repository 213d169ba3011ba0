//! The HTML report in a real browser: headless Chromium (Debian's
//! `chromium`, which `.ci/run` installs) loads the report of the seeds and
//! the development corpus, and the test reads the page's DOM.
//!
//! Without Chromium the test says so and passes, unless `ZHEN_CHROMIUM`
//! names the browser (as `.ci/run` does once it has installed it): then a
//! browser that does not start fails the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::Value;
use zhen_extract::{timeline, Extraction, Extractor, Status};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The documents of the report, in the order the command line reads them.
fn corpus() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for folder in ["seeds", "fixtures/corpus/dev"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            docs.push((f.display().to_string(), text));
        }
    }
    docs
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ZHEN_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Evaluates a JavaScript expression whose value is JSON text.
fn js(tab: &Tab, expression: &str) -> Value {
    let out = tab
        .evaluate(&format!("JSON.stringify({expression})"), false)
        .unwrap_or_else(|e| panic!("{expression}: {e}"));
    let text = out
        .value
        .expect("a value")
        .as_str()
        .expect("JSON text")
        .to_string();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_report_in_a_browser() {
    let Some(chromium) = chromium() else {
        println!("SKIPPED: no Chromium (apt-get install chromium; .ci/run installs it)");
        return;
    };
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let report = out_dir.join("report.html");
    let run = Command::new(env!("CARGO_BIN_EXE_zhen-extract"))
        .arg("report")
        .arg(root().join("seeds"))
        .arg(root().join("fixtures/corpus/dev"))
        .arg("-o")
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    // what the page should hold, from the library
    let ex = Extractor::new();
    let docs: Vec<(String, Extraction)> = corpus()
        .into_iter()
        .map(|(name, text)| {
            let out = ex.extract(&text).unwrap();
            (name, out)
        })
        .collect();
    let lines = timeline(docs.iter().map(|(n, e)| (n.as_str(), e)));

    let browser = Browser::new(LaunchOptions {
        path: Some(chromium),
        sandbox: false,
        headless: true,
        window_size: Some((1200, 820)),
        ..LaunchOptions::default()
    })
    .expect("Chromium starts");
    let tab = browser.new_tab().unwrap();
    let url = format!("file://{}", report.display());
    tab.navigate_to(&url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();

    // one chart per metric_id of the timeline, in its order
    let ids = js(
        &tab,
        "[...document.querySelectorAll('section.metric')].map(s => s.dataset.metricId)",
    );
    let want: Vec<&str> = lines.iter().map(|l| l.metric_id.as_str()).collect();
    assert_eq!(ids, serde_json::json!(want));
    let charts = js(&tab, "[...document.querySelectorAll('section.metric')].map(s => s.querySelectorAll('svg.chart').length)");
    assert!(
        charts.as_array().unwrap().iter().all(|n| n == 1),
        "{charts}"
    );

    // the R&D-intensity chart holds the seeds' figures
    let rd = js(&tab, "[...document.querySelectorAll('#m-rd_intensity svg.chart a.point')].map(a => [a.dataset.value, a.dataset.status, a.dataset.doc])");
    let seeds: Vec<(String, String)> = rd
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p[2].as_str().unwrap().contains("/seeds/"))
        .map(|p| {
            (
                p[0].as_str().unwrap().to_string(),
                p[1].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (value, status) in [
        ("2.11", "reported"),
        ("2.6", "goal"),
        ("2.82", "goal"),
        ("3", "goal"),
    ] {
        assert!(
            seeds.contains(&(value.to_string(), status.to_string())),
            "{value} {status} not in {seeds:?}"
        );
    }

    // a point's link lands on a highlighted span whose text is the figure
    let rd_line = lines
        .iter()
        .find(|l| l.metric_id == "rd_intensity")
        .unwrap();
    let point = rd_line
        .points
        .iter()
        .find(|p| p.year == Some(2020) && p.status == Status::Actual && p.value == 2.11)
        .expect("the 2020 figure");
    let (_, extraction) = docs.iter().find(|(n, _)| *n == point.doc).unwrap();
    let target = extraction
        .targets
        .iter()
        .find(|t| t.span == point.span)
        .expect("the point's target");
    let selector = format!(
        "#m-rd_intensity a.point[data-value='2.11'][data-doc='{}']",
        point.doc
    );
    let link = tab.find_element(&selector).unwrap();
    let href = js(
        &tab,
        &format!("document.querySelector(\"{selector}\").getAttribute('href')"),
    );
    link.click().unwrap();
    let landing = "(() => { const t = document.querySelector(':target'); return t && \
         [location.hash, t.tagName, t.className, t.textContent, getComputedStyle(t).backgroundColor, \
          t.getBoundingClientRect().top > -2 && t.getBoundingClientRect().bottom <= innerHeight]; })()";
    // the jump is the browser's to make: give it a moment
    let mut landed = js(&tab, landing);
    for _ in 0..50 {
        if landed[5] == true {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        landed = js(&tab, landing);
    }
    assert_eq!(landed[0], href, "{landed}");
    assert_eq!(landed[1], "MARK", "{landed}");
    assert_eq!(landed[2], "figure", "{landed}");
    assert_eq!(
        landed[3].as_str(),
        Some(target.quantity.span.text.as_str()),
        "{landed}"
    );
    assert_ne!(landed[4], "rgba(0, 0, 0, 0)", "highlighted: {landed}");
    assert_eq!(landed[5], true, "scrolled into view: {landed}");
    // the metric of that sentence is marked too, at its span
    let metric = js(
        &tab,
        "document.querySelector(':target').closest('td').querySelector('mark.metric')?.textContent",
    );
    assert_eq!(metric.as_str(), Some(target.metric_span.text.as_str()));

    // a picture of the R&D-intensity chart, for a person to look at
    tab.evaluate(
        "document.getElementById('m-rd_intensity').scrollIntoView()",
        false,
    )
    .unwrap();
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    let shot = out_dir.join("report.png");
    std::fs::write(&shot, png).unwrap();
    println!(
        "report: {}\nscreenshot: {}",
        report.display(),
        shot.display()
    );
}
