//! The API and page over a store, as `frontline serve` runs them, for the browser test and
//! the load test (before the CLI has the subcommand, and without it):
//!
//! ```sh
//! cargo run -p frontline-api --example demo_server -- --db demo.db --addr 127.0.0.1:0
//! ```
//!
//! Prints `listening on http://ADDR/` on stdout once it accepts connections; Ctrl-C stops.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use frontline_api::{serve_on, ApiConfig, DEFAULT_ADDR};
use frontline_extract::Extractor;
use frontline_gazetteer::Gazetteer;
use frontline_lang::Packs;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("demo_server: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut db = PathBuf::from("frontline.db");
    let mut addr = DEFAULT_ADDR;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--db" => db = PathBuf::from(value()?),
            "--addr" => {
                let text = value()?;
                addr = text.parse::<SocketAddr>().map_err(|e| format!("--addr {text}: {e}"))?;
            }
            other => return Err(format!("unknown argument {other:?} (--db PATH, --addr IP:PORT)")),
        }
    }
    let packs = Packs::builtin().map_err(|e| format!("language packs: {e}"))?;
    let extractor = Arc::new(Extractor::new(packs, Gazetteer::builtin()));
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        println!("listening on http://{local}/");
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        serve_on(listener, db, extractor, ApiConfig::default(), shutdown).await.map_err(|e| e.to_string())
    })
}
