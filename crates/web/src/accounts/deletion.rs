//! Deleting the account, with what becomes of what the person wrote.

use axum::http::StatusCode;
use axum::response::Response;
use cohesion_services::accounts::your_data;
use cohesion_services::accounts::SignedIn;
use cohesion_services::erasure::Contributions;
use cohesion_services::throttle::password_check_allowed;
use cohesion_ui::{Field, FieldError, FormPage};
use serde::Deserialize;

use crate::kit::{
    check_session_csrf, form_again, notice, one_field_listed, respond, set_cookie, AppError,
    ClientKey, CurrentUser, Me, PageCtx, StrictForm, SESSION_COOKIE,
};

fn delete_fields(ctx: &PageCtx, contributions: &str, errors: &[FieldError]) -> Vec<Field> {
    let l = ctx.locale();
    vec![
        Field::choice(
            "contributions",
            "radios",
            l.t("delete-contributions").into_owned(),
            vec![
                ("keep".to_owned(), l.t("delete-keep").into_owned()),
                ("remove".to_owned(), l.t("delete-remove").into_owned()),
            ],
        )
        .value(contributions)
        .errors_from(errors),
        Field::new(
            "password",
            "password",
            "current-password",
            l.t("field-password").into_owned(),
        )
        .hint(l.t("delete-password-hint").into_owned())
        .errors_from(errors),
    ]
}

async fn delete_page<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    fields: Vec<Field>,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let l = ctx.locale();
    let mut page = FormPage::new(
        ctx.chrome_for("/account/delete", "delete-title").await?,
        me.csrf.clone(),
        "/account/delete",
        l.t("delete-button").into_owned(),
    );
    page.back = Some(("/account".to_owned(), l.t("back").into_owned()));
    page.lead = vec![l.t("delete-lead").into()];
    page.warning = Some(l.t("delete-warning").into_owned());
    page.danger = true;
    page.fields = fields;
    page.errors = errors;
    Ok(page)
}

pub async fn delete_form(ctx: PageCtx, Me(me): Me) -> Result<Response, AppError> {
    let fields = delete_fields(&ctx, "keep", &[]);
    let page = delete_page(&ctx, &me, fields, vec![]).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    contributions: String,
    #[serde(default)]
    password: String,
}

pub async fn delete_account(
    mut ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    StrictForm(form): StrictForm<DeleteForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let state = &ctx.state;
    password_check_allowed(&state.db, me.user_id, &client.0).await?;
    let r = match Contributions::parse(&form.contributions) {
        Ok(c) => {
            your_data::delete_account(
                &state.db,
                &state.passwords,
                &me,
                &form.password,
                c,
                Some(&client.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(()) => {
            // The page after deletion is seen by nobody in particular.
            ctx.user = CurrentUser(None);
            let link = Some(("/", "nav-home"));
            let page = notice(&ctx, "/", "deleted-title", "deleted-text", link).await?;
            let gone = set_cookie(SESSION_COOKIE, "", 0, "Lax", ctx.state.config.tls);
            respond(StatusCode::OK, page, Some(gone))
        }
        Err(e) => {
            form_again(&ctx, one_field_listed(e), async |errors| {
                let fields = delete_fields(&ctx, &form.contributions, &errors);
                delete_page(&ctx, &me, fields, errors).await
            })
            .await
        }
    }
}
