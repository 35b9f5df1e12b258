//! The front end's files, served from memory.

use crate::support::start;

#[tokio::test]
async fn assets_are_served_from_memory_with_types_and_caching() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let home = s.get("/").await.text().await.unwrap();
    let href_start = home.find("/assets/app.css?v=").expect("stylesheet link");
    let href = &home[href_start..home[href_start..].find('"').unwrap() + href_start];
    let res = s.get(href).await;
    if res.status() == 404 {
        eprintln!("skipped: frontend/dist was not built before this binary");
        return;
    }
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers().get("content-type").unwrap(),
        "text/css; charset=utf-8"
    );
    assert!(res
        .headers()
        .get("cache-control")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("immutable"));
    let css = res.text().await.unwrap();
    assert!(
        css.contains("Noto Sans") && !css.contains("GDS Transport"),
        "our own font, not GOV.UK's"
    );
    let rtl = s.get("/assets/app.rtl.css").await;
    assert_eq!(rtl.status(), 200);
    assert_eq!(
        rtl.headers().get("cache-control").unwrap(),
        "no-cache",
        "unversioned URL revalidates"
    );
}
