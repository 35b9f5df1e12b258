//! The API speaks for itself: what it answers matches the schemas its
//! OpenAPI document publishes (the demo's consultation, a survey of every
//! kind of question), the same check refuses what does not match, and
//! every route the router serves under /api is in the document with the
//! methods it answers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use serde_json::{json, Value};

use super::{demo_consultation, ANALYST, OFFICER};
use crate::support::{servers_with_people, start, Server};

async fn spec(s: &Server) -> Value {
    let res = s.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn json_at(s: &Server, path: &str, cookie: &str) -> Value {
    let res = s.get_with(path, cookie).await;
    assert_eq!(res.status(), 200, "{path}");
    res.json().await.unwrap()
}

fn problems(doc: &Value, schema: &str, value: &Value) -> Vec<(String, String)> {
    let mut found = cohesion_web::schema_problems(doc, schema, value);
    found.sort();
    found
}

#[tokio::test]
async fn the_demo_as_the_api_gives_it_matches_the_published_schemas() {
    for s in servers_with_people().await {
        let doc = spec(&s).await;
        let id = demo_consultation(&s).await;
        let (officer, _) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (analyst, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let (officer, analyst) = (officer.as_str(), analyst.as_str());
        for (path, schema, cookie) in [
            (
                format!("/api/v1/consultations/{id}"),
                "ConsultationDetail",
                "",
            ),
            (
                format!("/api/v1/consultations/{id}"),
                "ConsultationDetail",
                officer,
            ),
            ("/api/v1/consultations".to_owned(), "ConsultationPage", ""),
            (
                "/api/v1/consultations".to_owned(),
                "ConsultationPage",
                officer,
            ),
            (
                format!("/api/v1/consultations/{id}/results"),
                "ResultsBody",
                analyst,
            ),
            (
                format!("/api/v1/consultations/{id}/findings"),
                "FindingsBody",
                officer,
            ),
        ] {
            let body = json_at(&s, &path, cookie).await;
            assert_eq!(problems(&doc, schema, &body), [], "{path}: {body}");
        }
        let detail = json_at(&s, &format!("/api/v1/consultations/{id}"), "").await;
        let questions: Vec<&Value> = detail["survey"]["pages"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["questions"].as_array().unwrap())
            .collect();
        assert!(questions.len() >= 8, "the demo's survey was checked");
    }
}

#[tokio::test]
async fn the_check_refuses_a_document_that_does_not_match() {
    let s = &servers_with_people().await[0];
    let doc = spec(s).await;
    let id = demo_consultation(s).await;
    let mut wrong = json_at(s, &format!("/api/v1/consultations/{id}"), "").await;
    assert_eq!(problems(&doc, "ConsultationDetail", &wrong), []);
    // A kind that does not exist, a misspelt member, a question without
    // its text, a rule naming an option as text, a count as text.
    let first = &mut wrong["survey"]["pages"][0]["questions"];
    first[0]["type"] = json!("checkbox");
    first[1]["show_iff"] = Value::Null;
    wrong["survey"]["pages"][1]["questions"][1]
        .as_object_mut()
        .unwrap()
        .remove("text");
    wrong["survey"]["pages"][1]["skip_if"] = json!({"question": "q1", "any_of": ["0"]});
    wrong["respondents"] = json!("many");
    assert_eq!(
        problems(&doc, "ConsultationDetail", &wrong),
        [
            ("/respondents".to_owned(), "invalid_type".to_owned()),
            (
                "/survey/pages/0/questions/0/type".to_owned(),
                "invalid_choice".to_owned()
            ),
            (
                "/survey/pages/0/questions/1/show_iff".to_owned(),
                "unknown_field".to_owned()
            ),
            (
                "/survey/pages/1/questions/1/text".to_owned(),
                "field_required".to_owned()
            ),
            (
                "/survey/pages/1/skip_if/any_of/0".to_owned(),
                "invalid_type".to_owned()
            ),
        ]
    );
}

/// A survey with one question of each kind, a show rule and a skip rule.
fn every_kind() -> Value {
    json!({"pages": [
        {"title": "Choices", "questions": [
            {"id": "single", "type": "single_choice", "text": "How do you travel?", "required": true,
                "options": ["Bus", "Car", "On foot"]},
            {"id": "multi", "type": "multiple_choice", "text": "Which parks?", "options": ["North", "South", "East"], "max": 2},
            {"id": "agree", "type": "agreement", "text": "The plan is fair."},
            {"id": "works", "type": "effectiveness", "text": "How well do patrols work?"},
            {"id": "rank", "type": "ranking", "text": "Rank these.", "options": ["Lights", "Benches"]},
            {"id": "area", "type": "demographic", "of": "area", "text": "Where do you live?", "areas": ["Docks", "Hill"]}
        ]},
        {"title": "More", "skip_if": {"question": "single", "any_of": [1]}, "questions": [
            {"id": "age", "type": "number", "text": "Your age?", "min": 16, "max": 120, "hint": "In years."},
            {"id": "when", "type": "date", "text": "When did you last visit?",
                "show_if": {"question": "multi", "any_of": [0, 2]}},
            {"id": "name", "type": "short_text", "text": "Your street?"},
            {"id": "why", "type": "long_text", "text": "Why?", "max_chars": 500},
            {"id": "grid", "type": "matrix", "text": "Rate each.", "rows": ["Lighting", "Paths"]},
            {"id": "faith", "type": "demographic", "of": "religion", "text": "Your religion?",
                "purpose": "To check we hear from every faith."}
        ]}
    ]})
}

#[tokio::test]
async fn a_survey_of_every_kind_is_taken_and_given_back_as_the_schema_says() {
    for s in servers_with_people().await {
        let doc = spec(&s).await;
        let kinds: BTreeSet<&str> = doc["components"]["schemas"]["SurveyQuestion"]["discriminator"]
            ["mapping"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let survey = every_kind();
        let sent: BTreeSet<&str> = survey["pages"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["questions"].as_array().unwrap())
            .map(|q| q["type"].as_str().unwrap())
            .collect();
        assert_eq!(sent, kinds, "one question of every kind the schema names");
        assert_eq!(kinds.len(), 11);
        assert_eq!(problems(&doc, "SurveyDefinition", &survey), []);

        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let res = s
            .client
            .post(s.url("/api/v1/consultations"))
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .json(
                &json!({"title": "Parks for everyone", "summary": "How we use our parks.",
                "opens_at": "2030-01-01T09:00Z", "closes_at": "2030-02-01T17:00Z"}),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let id = res.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let res = s
            .client
            .put(s.url(&format!("/api/v1/consultations/{id}/survey")))
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .json(&survey)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204, "{}", res.text().await.unwrap());
        let detail = json_at(&s, &format!("/api/v1/consultations/{id}"), &officer).await;
        assert_eq!(
            problems(&doc, "ConsultationDetail", &detail),
            [],
            "{detail}"
        );
        // Given back as sent, with every default spelt out.
        let back = &detail["survey"];
        assert_eq!(back["pages"][1]["skip_if"], survey["pages"][1]["skip_if"]);
        assert_eq!(back["pages"][0]["questions"][1]["max"], 2);
        assert_eq!(back["pages"][0]["questions"][2]["show_if"], Value::Null);
        assert_eq!(back["pages"][1]["questions"][0]["hint"], "In years.");
        assert_eq!(back["pages"][1]["questions"][5]["of"], "religion");
        assert_eq!(back["pages"][1]["questions"][5]["areas"], json!([]));
    }
}

/// `.route(...)` calls in the web crate's source whose path is under
/// /api: (path, methods). Paths are read as literals, as `let` bindings
/// of literals, or as `format!` of those.
fn routes_in_source() -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let mut files = Vec::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let bindings: BTreeMap<String, String> = text
            .lines()
            .filter_map(|l| {
                let rest = l.trim().strip_prefix("let ")?;
                let (name, value) = rest.split_once(" = \"")?;
                Some((
                    name.trim().to_owned(),
                    value.strip_suffix("\";")?.to_owned(),
                ))
            })
            .collect();
        for call in text.split(".route(").skip(1) {
            let (first, second) = arguments(call);
            let path = resolve(&first, &bindings).unwrap_or_else(|| {
                panic!(
                    "{}: a route path this test cannot read: {first}",
                    file.display()
                )
            });
            if !path.starts_with("/api/") {
                continue;
            }
            let methods: BTreeSet<String> = ["get", "post", "put", "patch", "delete"]
                .into_iter()
                .filter(|m| {
                    second.match_indices(&format!("{m}(")).any(|(i, _)| {
                        i == 0
                            || !second.as_bytes()[i - 1].is_ascii_alphanumeric()
                                && second.as_bytes()[i - 1] != b'_'
                    })
                })
                .map(str::to_owned)
                .collect();
            out.entry(path)
                .or_insert_with(BTreeSet::new)
                .extend(methods);
        }
    }
    out
}

/// The two arguments of a call whose text starts just after `(`.
fn arguments(call: &str) -> (String, String) {
    let mut depth = 0;
    let mut in_string = false;
    let mut args = vec![String::new()];
    let mut prev = ' ';
    for c in call.chars() {
        if in_string {
            in_string = !(c == '"' && prev != '\\');
        } else {
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    args.push(String::new());
                    prev = c;
                    continue;
                }
                _ => {}
            }
        }
        args.last_mut().unwrap().push(c);
        prev = c;
    }
    let first = args[0].trim().to_owned();
    let second = args.get(1).map(|a| a.trim().to_owned()).unwrap_or_default();
    (first, second)
}

fn resolve(arg: &str, bindings: &BTreeMap<String, String>) -> Option<String> {
    let arg = arg.trim_start_matches('&');
    if let Some(lit) = arg.strip_prefix('"') {
        return lit.strip_suffix('"').map(str::to_owned);
    }
    if let Some(inner) = arg.strip_prefix("format!(\"") {
        let mut template = inner.strip_suffix("\")")?.to_owned();
        for (name, value) in bindings {
            template = template.replace(&format!("{{{name}}}"), value);
        }
        return Some(template.replace("{{", "{").replace("}}", "}"));
    }
    bindings.get(arg).cloned()
}

#[tokio::test]
async fn every_route_under_api_is_in_the_document_with_the_methods_it_serves() {
    let s = start(cohesion_testkit::sqlite().await).await;
    let doc = spec(&s).await;
    let documented: BTreeMap<String, BTreeSet<String>> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(path, ops)| {
            let methods = ops
                .as_object()
                .unwrap()
                .keys()
                .filter(|k| ["get", "post", "put", "patch", "delete"].contains(&k.as_str()))
                .cloned()
                .collect();
            (path.clone(), methods)
        })
        .collect();
    // Every operation that takes a body says how its body can be refused.
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            if op.get("requestBody").is_some() {
                for status in ["400", "415", "422"] {
                    assert!(
                        op["responses"][status].is_object(),
                        "{method} {path} documents {status}"
                    );
                }
            }
        }
    }
    let source = routes_in_source();
    assert!(source.len() >= 40, "the routes were found: {source:?}");
    for (path, methods) in &source {
        assert_eq!(
            documented.get(path),
            Some(methods),
            "{path} is served with {methods:?}: the document must say so"
        );
    }
    // And what the document lists is served, with exactly those methods:
    // OPTIONS, which no route takes, is answered with the ones it does.
    for (path, methods) in documented.iter().filter(|(p, _)| p.starts_with("/api/")) {
        let concrete: String = path
            .split('/')
            .map(|seg| {
                if seg.starts_with('{') {
                    "00000000-0000-4000-8000-000000000000"
                } else {
                    seg
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let res = s
            .client
            .request(reqwest::Method::OPTIONS, s.url(&concrete))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405, "{path} is served");
        let allowed: BTreeSet<String> = res.headers()["allow"]
            .to_str()
            .unwrap()
            .split(',')
            .map(|m| m.trim().to_ascii_lowercase())
            .filter(|m| m != "head")
            .collect();
        assert_eq!(&allowed, methods, "{path}");
        assert_eq!(
            res.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
    }
}
