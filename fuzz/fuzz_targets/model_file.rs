//! Loading arbitrary bytes as a moderation model: an error, or a model
//! that scores without panicking.
#![no_main]

use cohesion_insight::moderation::Model;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(model) = Model::load(data) {
        let p = model.predict("a short comment");
        let _ = model.explain("a short comment", p.label, 3);
    }
});
