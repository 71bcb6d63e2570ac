//! What the web test and the web benchmark share: a tiny static file server
//! on 127.0.0.1 and a WebDriver client for chromedriver (Debian's
//! chromium-driver) driving headless Chromium. Included with `#[path]` by
//! tests/integration/web.rs and examples/web_bench.rs.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Serves `dir` on 127.0.0.1 from a thread; the port.
pub fn serve(dir: PathBuf) -> u16 {
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

/// One browser at a time: three software-rendered Chromiums at once, next
/// to the render tests, starve a 2-core machine.
static BROWSER: Mutex<()> = Mutex::new(());

/// chromedriver, stopped when dropped.
pub struct Driver {
    child: Child,
    port: u16,
    session: String,
    /// Held while this browser runs (`None` only while giving it back).
    turn: Option<MutexGuard<'static, ()>>,
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
    /// Starts chromedriver and a headless Chromium session whose profile
    /// lives in `profile`.
    pub fn start(profile: &Path) -> Driver {
        Driver::start_with(profile, &[])
    }

    /// [`Driver::start`], with more Chromium arguments.
    pub fn start_with(profile: &Path, more: &[&str]) -> Driver {
        // A test that failed holding the turn poisons it; the next may go.
        let turn = BROWSER
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A loaded machine sometimes loses the first session's start:
        // one more try, with a fresh chromedriver.
        match Driver::launch(profile, more, turn) {
            Ok(driver) => driver,
            Err((turn, first)) => {
                eprintln!("chromedriver: {first}; trying once more");
                Driver::launch(profile, more, turn)
                    .unwrap_or_else(|(_, again)| panic!("chromedriver: {again}"))
            }
        }
    }

    /// Starts chromedriver and asks it for a session; on failure, the turn
    /// back and what went wrong.
    fn launch(
        profile: &Path,
        more: &[&str],
        turn: MutexGuard<'static, ()>,
    ) -> Result<Driver, (MutexGuard<'static, ()>, String)> {
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
            turn: Some(turn),
        };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader",
            "--window-size=1280,720",
        ]
        .into_iter()
        .map(String::from)
        .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(more.iter().map(|a| a.to_string()));
        let created = driver.request(
            "POST",
            "/session",
            Some(json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                // The app runs as long as the page is open: do not wait for
                // more than the document.
                "pageLoadStrategy": "eager",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": args,
                },
                "goog:loggingPrefs": {"browser": "ALL"},
            }}})),
        );
        match created
            .as_ref()
            .map(|c| c["sessionId"].as_str().map(String::from))
        {
            Ok(Some(session)) => {
                driver.session = session;
                Ok(driver)
            }
            _ => {
                let why = match created {
                    Ok(answer) => format!("no session: {answer}"),
                    Err(e) => format!("POST /session: {e}"),
                };
                let turn = driver.turn.take().expect("the turn is held");
                drop(driver);
                Err((turn, why))
            }
        }
    }

    /// One WebDriver call; its `value`.
    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.request(method, path, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// One WebDriver call, or what went wrong.
    pub fn request(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
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

    pub fn session_path(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    pub fn open(&self, url: &str) {
        self.call(
            "POST",
            &self.session_path("/url"),
            Some(json!({"url": url})),
        );
    }

    pub fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            &self.session_path("/execute/sync"),
            Some(json!({"script": script, "args": []})),
        )
    }

    pub fn press(&self, key: &str) {
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

    /// The page as a PNG file in `dir`; its path.
    pub fn screenshot(&self, dir: &Path, name: &str) -> PathBuf {
        let data = self.call("GET", &self.session_path("/screenshot"), None);
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, base64(data.as_str().expect("base64 PNG"))).unwrap();
        path
    }

    /// Waits until `script` returns true.
    pub fn wait_for(&self, what: &str, script: &str, seconds: u64) {
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

    pub fn live_text(&self) -> String {
        self.script("return document.getElementById('car-t-sim-live').textContent")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Console messages at error level since the last call.
    pub fn console_errors(&self) -> Vec<String> {
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
pub fn base64(text: &str) -> Vec<u8> {
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
