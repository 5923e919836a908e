//! `newsgraph serve`: the corpus over HTTP (JSON API, OpenAPI document at /openapi.json).

use clap::Args as ClapArgs;
use newsgraph_server::Config;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(ClapArgs)]
pub struct Args {
    /// The store file.
    #[arg(long, value_name = "FILE", default_value = "newsgraph.db")]
    db: PathBuf,
    /// Address to listen on (loopback by default; port 0 picks a free port).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Allow writes (entity merges) to requests bearing this token. Read from the
    /// NEWSGRAPH_WRITE_TOKEN environment variable when not given, so it stays out of `ps`.
    #[arg(long, value_name = "TOKEN", env = "NEWSGRAPH_WRITE_TOKEN", hide_env_values = true)]
    write_token: Option<String>,
    /// Serve the files of this directory under / (the web page).
    #[arg(long, value_name = "DIR")]
    static_dir: Option<PathBuf>,
    /// Longest time one request may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    timeout: f64,
    /// Largest request body, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024)]
    max_body: usize,
    /// Queries run at once (default: two per core).
    #[arg(long, value_name = "N")]
    readers: Option<usize>,
    /// Worker threads for the HTTP server (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
}

pub fn run(args: Args) -> ExitCode {
    let mut config = Config::new(&args.db);
    config.write_token = args.write_token.filter(|t| !t.is_empty());
    config.static_dir = args.static_dir;
    config.timeout = Duration::from_secs_f64(args.timeout.clamp(0.1, 3600.0));
    config.max_body = args.max_body;
    if let Some(n) = args.readers {
        config.readers = n.max(1);
    }
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all();
    if let Some(n) = args.threads {
        rt.worker_threads(n.max(1));
    }
    let rt = match rt.build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the server: {e}");
            return ExitCode::from(2);
        }
    };
    let writes = config.write_token.is_some();
    let result = rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen).await?;
        let addr = listener.local_addr()?;
        // The first line says where it listens (tests and scripts read it).
        println!("listening on http://{addr} ({})", if writes { "writes allowed with the token" } else { "read-only" });
        use std::io::Write;
        let _ = std::io::stdout().flush();
        newsgraph_server::serve(listener, config).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
