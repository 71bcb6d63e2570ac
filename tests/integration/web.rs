//! The web build in a real browser: `scripts/web.sh` builds `dist/` (quickly
//! when nothing changed), a small server serves it on 127.0.0.1, and Debian's
//! headless Chromium, driven through chromedriver's WebDriver API, opens it.
//! Never skipped: without chromium, chromedriver, node or the web build's
//! tools the test fails and says what is missing.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use car_t_sim::story::ActiveStory;

use crate::common::temp_dir;
use crate::render::Still;

/// Builds `dist/` with the project's script; its path.
fn build_dist() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join("scripts/web.sh"))
        .current_dir(root)
        .output()
        .expect("bash runs scripts/web.sh");
    assert!(
        out.status.success(),
        "scripts/web.sh failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    root.join("dist")
}

/// Serves `dir` on 127.0.0.1 from a thread; the port.
fn serve(dir: PathBuf) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            std::thread::spawn(move || answer(stream, &dir));
        }
    });
    port
}

/// Answers one HTTP request with a file of `dir`.
fn answer(mut stream: TcpStream, dir: &Path) {
    let mut line = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // Skip the headers.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let path = path
        .split('?')
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    let file = dir.join(path);
    let (status, body) = match std::fs::read(&file) {
        Ok(body) if !path.contains("..") => ("200 OK", body),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        _ => "text/plain",
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// chromedriver, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.request("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (Debian's chromium-driver package)");
        let mut driver = Driver {
            child,
            port,
            session: String::new(),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = temp_dir("chromium-profile");
        let created = driver.call(
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                // The app runs as long as the page is open: do not wait for
                // more than the document.
                "pageLoadStrategy": "eager",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                        "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                        "--window-size=1280,720",
                        format!("--user-data-dir={}", profile.display()),
                    ],
                },
                "goog:loggingPrefs": {"browser": "ALL"},
            }}})),
        );
        driver.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        driver
    }

    /// One WebDriver call; its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.request(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// One WebDriver call, or what went wrong.
    fn request(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .map_err(|e| e.to_string())?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .map_err(|e| e.to_string())?;
        // The headers, then as many bytes as they announce (chromedriver
        // may keep the connection open).
        let mut reader = BufReader::new(stream);
        let mut length = None;
        let mut chunked = false;
        loop {
            let mut line = String::new();
            reader
                .read_line(&mut line)
                .map_err(|e| format!("no answer: {e}"))?;
            let lower = line.to_ascii_lowercase();
            if let Some(n) = lower.strip_prefix("content-length:") {
                length = n.trim().parse::<usize>().ok();
            }
            chunked |= lower.starts_with("transfer-encoding:") && lower.contains("chunked");
            if line == "\r\n" || line.is_empty() {
                break;
            }
        }
        let json = match (length, chunked) {
            (Some(n), false) => {
                let mut body = vec![0; n];
                reader
                    .read_exact(&mut body)
                    .map_err(|e| format!("short answer: {e}"))?;
                String::from_utf8_lossy(&body).into_owned()
            }
            _ => {
                let mut rest = String::new();
                reader
                    .read_to_string(&mut rest)
                    .map_err(|e| format!("no answer: {e}"))?;
                if chunked { dechunk(&rest) } else { rest }
            }
        };
        let value: Value = serde_json::from_str(&json).map_err(|e| format!("{e}: {json:.300}"))?;
        Ok(value["value"].clone())
    }

    fn session_path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn open(&self, url: &str) {
        self.call(
            "POST",
            &self.session_path("/url"),
            Some(json!({"url": url})),
        );
    }

    fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            &self.session_path("/execute/sync"),
            Some(json!({"script": script, "args": []})),
        )
    }

    fn press(&self, key: &str) {
        self.call(
            "POST",
            &self.session_path("/actions"),
            Some(
                json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
                    {"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}
                ]}]}),
            ),
        );
    }

    /// The page as a picture.
    fn screenshot(&self, dir: &Path, name: &str) -> Still {
        let data = self.call("GET", &self.session_path("/screenshot"), None);
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, base64(data.as_str().expect("base64 PNG"))).unwrap();
        Still::open(&path)
    }

    /// Waits until `script` returns true.
    fn wait_for(&self, what: &str, script: &str, seconds: u64) {
        let started = Instant::now();
        loop {
            if self.script(script) == json!(true) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(seconds),
                "waited {seconds} s for {what}; the page says: {}",
                self.script("return document.body.innerText")
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    fn live_text(&self) -> String {
        self.script("return document.getElementById('car-t-sim-live').textContent")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Console messages at error level since the last call.
    fn console_errors(&self) -> Vec<String> {
        let entries = self.call(
            "POST",
            &self.session_path("/se/log"),
            Some(json!({"type": "browser"})),
        );
        entries
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].to_string())
            .collect()
    }
}

/// A chunked HTTP body, joined.
fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&after[..n]);
        rest = &after[n + 2..];
    }
    out
}

/// Standard base64, decoded.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|&c| value(c) as u32).collect();
        let n = v
            .iter()
            .enumerate()
            .fold(0, |acc, (i, x)| acc | x << (18 - 6 * i));
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// How many different colours a picture has, sampled.
fn colours(still: &Still) -> usize {
    let mut seen = still.band(0.0, 1.0, 6);
    seen.sort();
    seen.dedup();
    seen.len()
}

#[test]
fn the_web_build_runs_in_headless_chromium() {
    assert_eq!(base64("TWFu"), b"Man");
    let dist = build_dist();
    let port = serve(dist);
    let driver = Driver::start();
    let base = format!("http://127.0.0.1:{port}/index.html");
    let started = "return document.getElementById('status') === null \
                   && document.getElementById('car-t-sim').width > 0 \
                   && document.getElementById('car-t-sim-live').textContent.length > 0";

    // A link to CAR T: no chooser, the first stage's caption is live.
    driver.open(&format!("{base}?story=car-t"));
    driver.wait_for("the first frame and caption", started, 240);
    let car_t = ActiveStory::built_in("car-t").unwrap().story;
    let first = car_t.stages[0].beats[0].caption.trim().to_string();
    assert!(
        driver.live_text().starts_with(&first),
        "{}",
        driver.live_text()
    );
    // Let the first frames draw, then look.
    std::thread::sleep(Duration::from_secs(2));
    let shots = temp_dir("web-shots");
    let before = driver.screenshot(&shots, "car-t-1");
    assert!(
        colours(&before) > 20,
        "a blank canvas ({} colours)",
        colours(&before)
    );
    let label =
        driver.script("return document.getElementById('car-t-sim').getAttribute('aria-label')");
    assert!(
        label
            .as_str()
            .unwrap_or_default()
            .contains("Stage 1 of 6: Apheresis"),
        "{label}"
    );

    // Page Down, as a presenter's remote sends it: the next stage.
    driver.press("\u{E00F}");
    let second = car_t.stages[1].beats[0].caption.trim().to_string();
    driver.wait_for(
        "the second stage",
        &format!(
            "return document.getElementById('car-t-sim-live').textContent.startsWith({})",
            json!(second)
        ),
        60,
    );
    std::thread::sleep(Duration::from_secs(2));
    let after = driver.screenshot(&shots, "car-t-2");
    let changed = before
        .band(0.2, 0.8, 4)
        .iter()
        .zip(after.band(0.2, 0.8, 4))
        .filter(|(a, b)| a != &b)
        .count();
    assert!(
        changed > 500,
        "the picture did not change ({changed} pixels)"
    );

    // ?story=til opens TIL.
    driver.open(&format!("{base}?story=til"));
    driver.wait_for("TIL", started, 240);
    let til = ActiveStory::built_in("til").unwrap().story;
    let til_first = til.stages[0].beats[0].caption.trim().to_string();
    assert!(
        driver.live_text().starts_with(&til_first),
        "{}",
        driver.live_text()
    );
    let label =
        driver.script("return document.getElementById('car-t-sim').getAttribute('aria-label')");
    assert!(
        label.as_str().unwrap_or_default().starts_with(&til.title),
        "{label}"
    );
    std::thread::sleep(Duration::from_secs(2));
    let til_still = driver.screenshot(&shots, "til-1");
    assert!(colours(&til_still) > 20, "a blank TIL canvas");

    let errors = driver.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
