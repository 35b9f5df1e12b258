//! Browser-like steps over real HTTP for tests: open a form, post it with
//! its cookie, read the cookies a response sets, find an emailed link.

use cohesion_storage::{outbox, Db};

/// The value a response sets for cookie `name`.
pub fn cookie_set_by(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            v.split(';')
                .next()?
                .strip_prefix(&format!("{name}="))
                .map(str::to_owned)
        })
}

/// The hidden CSRF token in a form's HTML.
pub fn hidden_csrf(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a CSRF field") + 19;
    html[start..start + 64].to_owned()
}

/// GETs a form: (anonymous CSRF cookie, token in the form).
pub async fn open_form(client: &reqwest::Client, url: &str) -> (String, String) {
    let res = client.get(url).send().await.unwrap();
    assert_eq!(res.status(), 200, "{url}");
    let cookie = cookie_set_by(&res, "cohesion_csrf").expect("a CSRF cookie with the form");
    let token = hidden_csrf(&res.text().await.unwrap());
    (cookie, token)
}

/// POSTs a urlencoded form with the given Cookie header.
pub async fn post_form(
    client: &reqwest::Client,
    url: &str,
    cookie: &str,
    body: &str,
) -> reqwest::Response {
    client
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

/// The path of the newest verification link in the outbox.
pub async fn latest_verify_link(db: &Db) -> String {
    let mut c = db.acquire().await.unwrap();
    let mail = outbox::recent(c.conn(), 1).await.unwrap();
    let body = &mail[0].body;
    let start = body
        .find("/verify-email?token=")
        .expect("a verification link");
    body[start..].split_whitespace().next().unwrap().to_owned()
}
