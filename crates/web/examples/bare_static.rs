//! The benchmark's yardstick: a bare axum handler returning a fixed page,
//! with no middleware, no database and no templates.
//!
//! Usage: bare_static ADDR FILE

use axum::response::Html;
use axum::routing::get;
use axum::Router;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let addr = args.next().expect("usage: bare_static ADDR FILE");
    let file = args.next().expect("usage: bare_static ADDR FILE");
    let page: &'static str = Box::leak(
        std::fs::read_to_string(file)
            .expect("readable page")
            .into_boxed_str(),
    );
    let app = Router::new().route("/", get(move || async move { Html(page) }));
    let listener = tokio::net::TcpListener::bind(&addr).await.expect("bind");
    println!("listening on http://{}", listener.local_addr().unwrap());
    axum::serve(listener, app).await.expect("serve");
}
