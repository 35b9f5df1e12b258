//! Checks JSON against the API's own schemas (ADR 29): the part of JSON
//! Schema 2020-12 that the OpenAPI document uses — `$ref`, `type`,
//! `properties`, `required`, `additionalProperties`, `items`, `enum`,
//! `oneOf`/`anyOf` (with a `discriminator` when there is one), `allOf`,
//! `minimum`/`maximum`, `maxLength`, `minItems`/`maxItems`. Other keywords
//! (`format`, `description`, `examples`, …) are not checked.
//!
//! Request bodies are checked against the schema the document publishes
//! for them before they are read, so that every member of the wrong type
//! and every unknown member is reported at once, each with its JSON
//! Pointer, and a survey cannot lose a misspelt `show_if` silently. The
//! tests check the API's answers against the same document.

use cohesion_domain::ErrorCode;
use serde_json::Value;

use super::error::InputProblem;

/// Nesting deeper than this is refused rather than followed: a request's
/// JSON is bounded by the body limit, a schema's `$ref`s by this.
const MAX_DEPTH: usize = 64;

/// Whether a schema's `required` members must be there. Request bodies
/// are checked without: a member left out is the handler's to report
/// (most have a default, and the services name what is missing after
/// checking who may act), and only its shape is the schema's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    Checked,
    Left,
}

/// Every way `value` differs from `schema`, whose `$ref`s point into
/// `document` (the OpenAPI document).
pub fn check<'a>(
    document: &'a Value,
    schema: &'a Value,
    value: &Value,
    required: Required,
) -> Vec<InputProblem> {
    let mut c = Checker {
        document,
        required,
        at: String::new(),
        out: Vec::new(),
    };
    c.walk(schema, value, 0);
    c.out
}

struct Checker<'d> {
    document: &'d Value,
    required: Required,
    /// The JSON Pointer of the value being checked.
    at: String,
    out: Vec<InputProblem>,
}

impl<'d> Checker<'d> {
    fn problem(&mut self, code: ErrorCode, message: &'static str) -> &mut InputProblem {
        // The body itself has no name to give.
        let message = match message {
            "api-schema-type" if self.at.is_empty() => "api-schema-type-body",
            other => other,
        };
        let field = self
            .at
            .rsplit('/')
            .find(|t| !t.is_empty() && !t.bytes().all(|b| b.is_ascii_digit()))
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .unwrap_or_default();
        self.out.push(
            InputProblem::new(field, code)
                .at(self.at.clone())
                .worded(message),
        );
        self.out.last_mut().expect("just pushed")
    }

    /// Checks `value` at `self.at + "/" + token`.
    fn child(&mut self, token: &str, schema: &'d Value, value: &Value, depth: usize) {
        let len = self.at.len();
        self.at.push('/');
        self.at
            .push_str(&token.replace('~', "~0").replace('/', "~1"));
        self.walk(schema, value, depth + 1);
        self.at.truncate(len);
    }

    fn walk(&mut self, schema: &'d Value, value: &Value, depth: usize) {
        if depth > MAX_DEPTH {
            self.problem(ErrorCode::FieldTooLong, "api-schema-too-deep");
            return;
        }
        let Some(schema) = self.follow(schema) else {
            return;
        };
        if let Some(branches) = schema.get("allOf").and_then(Value::as_array) {
            for b in branches {
                self.walk(b, value, depth + 1);
            }
        }
        let branches = schema
            .get("oneOf")
            .or_else(|| schema.get("anyOf"))
            .and_then(Value::as_array);
        if let Some(branches) = branches {
            self.one_of(schema, branches, value, depth);
        }
        if !self.of_type(schema, value) {
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            if !allowed.contains(value) {
                let expected = listed(allowed);
                self.problem(ErrorCode::InvalidChoice, "api-schema-enum")
                    .args
                    .push(("expected", expected));
            }
        }
        match value {
            Value::String(s) => self.string(schema, s),
            Value::Number(n) => self.number(schema, n),
            Value::Array(items) => self.array(schema, items, depth),
            Value::Object(members) => self.object(schema, members, depth),
            _ => {}
        }
    }

    /// The schema `schema` stands for: itself, or what its `$ref` names
    /// in the document (`None`, checking nothing, for a `$ref` that names
    /// nothing: the document's own test finds those).
    fn follow(&self, schema: &'d Value) -> Option<&'d Value> {
        let mut s = schema;
        for _ in 0..MAX_DEPTH {
            match s.get("$ref").and_then(Value::as_str) {
                Some(r) => s = self.document.pointer(r.strip_prefix('#')?)?,
                None => return Some(s),
            }
        }
        None
    }

    /// `oneOf`/`anyOf`: with a discriminator, the branch it names; else
    /// the value passes if any branch takes it, and is reported against
    /// the first branch of its type when none does.
    fn one_of(&mut self, schema: &'d Value, branches: &'d [Value], value: &Value, depth: usize) {
        if let (Some(d), Value::Object(members)) = (schema.get("discriminator"), value) {
            let property = d
                .get("propertyName")
                .and_then(Value::as_str)
                .unwrap_or("type");
            let mapping = d.get("mapping").and_then(Value::as_object);
            let chosen = members.get(property);
            let document = self.document;
            let target = chosen
                .and_then(Value::as_str)
                .and_then(|key| mapping?.get(key)?.as_str())
                .and_then(|r| document.pointer(r.strip_prefix('#')?));
            let len = self.at.len();
            match (chosen, target) {
                (_, Some(target)) => self.walk(target, value, depth + 1),
                (None, _) => {
                    self.at.push('/');
                    self.at.push_str(property);
                    self.problem(ErrorCode::FieldRequired, "api-schema-required");
                }
                (Some(_), None) => {
                    self.at.push('/');
                    self.at.push_str(property);
                    let expected = mapping
                        .map(|m| m.keys().map(|k| format!("`{k}`")).collect::<Vec<_>>())
                        .unwrap_or_default()
                        .join(", ");
                    self.problem(ErrorCode::InvalidChoice, "api-schema-enum")
                        .args
                        .push(("expected", expected));
                }
            }
            self.at.truncate(len);
            return;
        }
        let mut reports = Vec::new();
        for b in branches {
            let mut trial = Checker {
                document: self.document,
                required: self.required,
                at: self.at.clone(),
                out: Vec::new(),
            };
            trial.walk(b, value, depth + 1);
            if trial.out.is_empty() {
                return;
            }
            // Whether the value is of the branch's type (its problems
            // are then deeper in, and worth telling).
            let at = self.at.as_str();
            let typed = trial
                .out
                .iter()
                .all(|p| !(p.code == ErrorCode::InvalidType && p.pointer.as_deref() == Some(at)));
            reports.push((typed, trial.out));
        }
        match reports.into_iter().find(|(typed, _)| *typed) {
            Some((_, problems)) => self.out.extend(problems),
            None => {
                let expected = branches
                    .iter()
                    .filter_map(|b| self.follow(b))
                    .flat_map(types_of)
                    .collect::<Vec<_>>();
                let mut unique: Vec<String> = Vec::new();
                for t in expected {
                    if !unique.contains(&t) {
                        unique.push(t);
                    }
                }
                let expected = unique.join(" or ");
                self.problem(ErrorCode::InvalidType, "api-schema-type")
                    .args
                    .push(("expected", expected));
            }
        }
    }

    /// Whether `value` is of the schema's `type` (any, without one); a
    /// problem if not.
    fn of_type(&mut self, schema: &'d Value, value: &Value) -> bool {
        let types = types_of(schema);
        if types.is_empty() || types.iter().any(|t| is_of(value, t)) {
            return true;
        }
        let expected = types
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        self.problem(ErrorCode::InvalidType, "api-schema-type")
            .args
            .push(("expected", expected));
        false
    }

    fn string(&mut self, schema: &Value, s: &str) {
        if let Some(max) = schema.get("maxLength").and_then(Value::as_u64) {
            if s.chars().count() as u64 > max {
                self.problem(ErrorCode::FieldTooLong, "api-schema-max-length")
                    .args
                    .push(("limit", max.to_string()));
            }
        }
    }

    fn number(&mut self, schema: &Value, n: &serde_json::Number) {
        let Some(x) = n.as_f64() else { return };
        if let Some(min) = schema.get("minimum").and_then(Value::as_f64) {
            if x < min {
                self.problem(ErrorCode::OutOfRange, "api-schema-minimum")
                    .args
                    .push(("limit", number_text(min)));
            }
        }
        if let Some(max) = schema.get("maximum").and_then(Value::as_f64) {
            if x > max {
                self.problem(ErrorCode::OutOfRange, "api-schema-maximum")
                    .args
                    .push(("limit", number_text(max)));
            }
        }
    }

    fn array(&mut self, schema: &'d Value, items: &[Value], depth: usize) {
        let count = items.len() as u64;
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if count > max {
                self.problem(ErrorCode::FieldTooLong, "api-schema-max-items")
                    .args
                    .push(("limit", max.to_string()));
                // Checking thousands of items past the limit finds
                // nothing more the client needs to know.
                return;
            }
        }
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
            if count < min {
                self.problem(ErrorCode::TooFewItems, "api-schema-min-items")
                    .args
                    .push(("limit", min.to_string()));
            }
        }
        if let Some(item) = schema.get("items") {
            for (i, v) in items.iter().enumerate() {
                self.child(&i.to_string(), item, v, depth);
            }
        }
    }

    fn object(
        &mut self,
        schema: &'d Value,
        members: &serde_json::Map<String, Value>,
        depth: usize,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        if self.required == Required::Checked {
            let required = schema.get("required").and_then(Value::as_array);
            for name in required.into_iter().flatten().filter_map(Value::as_str) {
                if !members.contains_key(name) {
                    let len = self.at.len();
                    self.at.push('/');
                    self.at
                        .push_str(&name.replace('~', "~0").replace('/', "~1"));
                    self.problem(ErrorCode::FieldRequired, "api-schema-required");
                    self.at.truncate(len);
                }
            }
        }
        let extra = schema.get("additionalProperties");
        for (name, v) in members {
            match properties.and_then(|p| p.get(name)) {
                Some(s) => self.child(name, s, v, depth),
                None => match extra {
                    Some(Value::Bool(false)) => {
                        let len = self.at.len();
                        self.at.push('/');
                        self.at
                            .push_str(&name.replace('~', "~0").replace('/', "~1"));
                        self.problem(ErrorCode::UnknownField, "api-schema-unknown");
                        self.at.truncate(len);
                    }
                    Some(s @ Value::Object(_)) => self.child(name, s, v, depth),
                    _ => {}
                },
            }
        }
    }
}

/// The types a schema names in `type` (a word or a list).
fn types_of(schema: &Value) -> Vec<String> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

fn is_of(value: &Value, t: &str) -> bool {
    match t {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => {
            value.is_i64()
                || value.is_u64()
                || value
                    .as_f64()
                    .is_some_and(|f| f.fract() == 0.0 && f.is_finite())
        }
        _ => true,
    }
}

/// Allowed values as the message lists them: `"open"`, `"closed"`.
fn listed(values: &[Value]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn problems(schema: Value, value: Value) -> Vec<(String, &'static str)> {
        let doc = json!({"components": {"schemas": {
            "Rule": {"type": "object", "additionalProperties": false,
                "properties": {"question": {"type": "string"},
                    "any_of": {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 1}},
                "required": ["question", "any_of"]},
            "A": {"type": "object", "additionalProperties": false, "required": ["type"],
                "properties": {"type": {"type": "string", "enum": ["a"]}, "n": {"type": ["integer", "null"], "maximum": 5}}},
            "B": {"type": "object", "additionalProperties": false, "required": ["type"],
                "properties": {"type": {"type": "string", "enum": ["b"]}, "show_if": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Rule"}]}}}
        }}});
        let mut found: Vec<_> = check(&doc, &schema, &value, Required::Checked)
            .into_iter()
            .map(|p| (p.pointer.unwrap_or_default(), p.code.as_str()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn every_difference_is_found_with_its_pointer() {
        let one = json!({"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}],
            "discriminator": {"propertyName": "type", "mapping": {
                "a": "#/components/schemas/A", "b": "#/components/schemas/B"}}});
        let list = json!({"type": "array", "items": one, "maxItems": 4});
        assert_eq!(
            problems(
                list.clone(),
                json!([{"type": "a", "n": null}, {"type": "b", "show_if": null}])
            ),
            []
        );
        assert_eq!(
            problems(
                list.clone(),
                json!([
                    {"type": "a", "n": 6, "extra/x": 1},
                    {"type": "b", "show_if": {"question": 3, "any_of": [-1]}},
                    {"type": "c"},
                    {"n": "2"}
                ])
            ),
            [
                ("/0/extra~1x".to_owned(), "unknown_field"),
                ("/0/n".to_owned(), "out_of_range"),
                ("/1/show_if/any_of/0".to_owned(), "out_of_range"),
                ("/1/show_if/question".to_owned(), "invalid_type"),
                ("/2/type".to_owned(), "invalid_choice"),
                ("/3/type".to_owned(), "field_required"),
            ]
        );
        assert_eq!(
            problems(
                list.clone(),
                json!([{"type": "b", "show_if": {"question": "q1", "any_of": []}}])
            ),
            [("/0/show_if/any_of".to_owned(), "too_few_items")]
        );
        assert_eq!(
            problems(list.clone(), json!({})),
            [(String::new(), "invalid_type")]
        );
        assert_eq!(
            problems(list, json!([1, 2, 3, 4, 5])),
            [(String::new(), "field_too_long")]
        );
        let text = json!({"type": "string", "maxLength": 3, "enum": ["ab", "abcd"]});
        assert_eq!(problems(text.clone(), json!("ab")), []);
        assert_eq!(
            problems(text, json!("abcd")),
            [(String::new(), "field_too_long")]
        );
    }

    #[test]
    fn without_a_discriminator_any_branch_will_do() {
        let one_or_many =
            json!({"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]});
        assert_eq!(problems(one_or_many.clone(), json!("x")), []);
        assert_eq!(problems(one_or_many.clone(), json!(["x", "y"])), []);
        assert_eq!(
            problems(one_or_many.clone(), json!(["x", 2])),
            [("/1".to_owned(), "invalid_type")]
        );
        assert_eq!(
            problems(one_or_many, json!(7)),
            [(String::new(), "invalid_type")]
        );
        assert_eq!(problems(json!({"type": "integer"}), json!(2.0)), []);
        assert_eq!(
            problems(json!({"type": "integer"}), json!(2.5)),
            [(String::new(), "invalid_type")]
        );
    }
}
