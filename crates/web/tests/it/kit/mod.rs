//! What every page and call share (`src/kit/`): headers, language,
//! assets, errors, hostile input and the API's basics.

mod api_basics;
mod assets;
mod bad_input;
mod errors;
mod hostile_queries;
mod language;
mod security_headers;
