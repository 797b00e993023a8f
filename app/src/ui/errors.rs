//! Errors as members read them: translated, short, never internal details.
use crate::error::{AppError, Problem};
use crate::i18n::*;
use leptos::prelude::*;

pub fn problem_text(i18n: leptos_i18n::I18nContext<Locale>, problem: &Problem) -> String {
    match problem.clone() {
        Problem::Required => t_string!(i18n, errors.required).to_string(),
        Problem::TooShort { min } => t_string!(i18n, errors.too_short, min).to_string(),
        Problem::TooLong { max } => t_string!(i18n, errors.too_long, max).to_string(),
        Problem::TooMany { max } => t_string!(i18n, errors.too_many, max).to_string(),
        Problem::ControlCharacters => t_string!(i18n, errors.control_characters).to_string(),
        Problem::BadEmail => t_string!(i18n, errors.bad_email).to_string(),
        Problem::EmailTaken => t_string!(i18n, errors.email_taken).to_string(),
        Problem::Taken => t_string!(i18n, errors.taken).to_string(),
        Problem::BadTag { tag } => t_string!(i18n, errors.bad_tag, tag).to_string(),
        Problem::BadLanguage { code } => t_string!(i18n, errors.bad_language, code).to_string(),
        Problem::NoSuchCity => t_string!(i18n, errors.no_such_city).to_string(),
        Problem::WrongCredentials => t_string!(i18n, errors.wrong_credentials).to_string(),
        Problem::NoSuchMember => t_string!(i18n, errors.no_such_member).to_string(),
        Problem::AlreadyConnector => t_string!(i18n, errors.already_connector).to_string(),
        Problem::AlumniCannotAct => t_string!(i18n, errors.alumni_cannot_act).to_string(),
        Problem::BadAmount => t_string!(i18n, errors.bad_amount).to_string(),
        Problem::AmountTooLarge => t_string!(i18n, errors.amount_too_large).to_string(),
        Problem::NotEnoughMoney { available_cents } => {
            let available = money(i18n, available_cents);
            t_string!(i18n, errors.not_enough_money, available).to_string()
        }
        Problem::OverMaximum { room_cents } => {
            let room = money(i18n, room_cents);
            t_string!(i18n, errors.over_maximum, room).to_string()
        }
        Problem::OverCap { room_cents } => {
            let room = money(i18n, room_cents);
            t_string!(i18n, errors.over_cap, room).to_string()
        }
        Problem::NotOpen => t_string!(i18n, errors.not_open).to_string(),
        Problem::NotFunded => t_string!(i18n, errors.not_funded).to_string(),
        Problem::MinAboveMax => t_string!(i18n, errors.min_above_max).to_string(),
        Problem::BadNumber => t_string!(i18n, errors.bad_number).to_string(),
        Problem::BadBallot => t_string!(i18n, errors.bad_ballot).to_string(),
        Problem::TooFewChoices => t_string!(i18n, errors.too_few_choices).to_string(),
        Problem::OverBallotCost => t_string!(i18n, errors.over_ballot_cost).to_string(),
        Problem::TooManyPoints => t_string!(i18n, errors.too_many_points).to_string(),
        Problem::BadLine { line } => t_string!(i18n, errors.bad_line, line).to_string(),
        Problem::BadDate => t_string!(i18n, errors.bad_date).to_string(),
        Problem::TooSoon { minutes } => t_string!(i18n, errors.too_soon, minutes).to_string(),
        Problem::TooFar { days } => t_string!(i18n, errors.too_far, days).to_string(),
        Problem::TooFew { min } => t_string!(i18n, errors.too_few, min).to_string(),
        Problem::BeforeClosing => t_string!(i18n, errors.before_closing).to_string(),
        Problem::OutOfOrder => t_string!(i18n, errors.out_of_order).to_string(),
        Problem::Duplicate => t_string!(i18n, errors.duplicate).to_string(),
        Problem::NeedsDecision => t_string!(i18n, errors.needs_decision).to_string(),
        Problem::LastAdmin => t_string!(i18n, errors.last_admin).to_string(),
        Problem::AlreadyMember => t_string!(i18n, errors.already_member).to_string(),
        Problem::InvitationInvalid => t_string!(i18n, errors.invitation_invalid).to_string(),
        Problem::InvitationNeeded => t_string!(i18n, errors.invitation_needed).to_string(),
    }
}

/// An amount in the page's language.
pub fn money(i18n: leptos_i18n::I18nContext<Locale>, cents: i64) -> String {
    crate::budget::money::format_money(cents, i18n.get_locale_untracked() == Locale::fr)
}

pub fn error_text(i18n: leptos_i18n::I18nContext<Locale>, error: &AppError) -> String {
    match error {
        AppError::Unauthenticated => t_string!(i18n, errors.unauthenticated).to_string(),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::Invalid { problem, .. } => problem_text(i18n, problem),
        AppError::AlreadySignedIn => t_string!(i18n, errors.already_signed_in).to_string(),
        AppError::RateLimited {
            retry_after_minutes,
        } => {
            let minutes = *retry_after_minutes;
            t_string!(i18n, errors.rate_limited, minutes).to_string()
        }
        AppError::SlowDown {
            retry_after_seconds,
        } => {
            let seconds = *retry_after_seconds;
            t_string!(i18n, errors.slow_down, seconds).to_string()
        }
        AppError::BadRequest => t_string!(i18n, errors.bad_request).to_string(),
        AppError::Conflict => t_string!(i18n, errors.conflict).to_string(),
        AppError::Internal => t_string!(i18n, errors.internal).to_string(),
    }
}

/// A whole-form or whole-page error, announced to screen readers.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="error" role="alert">{error_text(i18n, &error)}</p> }
}

/// The error of the last submission of a form, unless it belongs to one of the form's fields
/// (those are shown beside their input).
pub fn form_level_error(
    error: Option<AppError>,
    fields: &'static [&'static str],
) -> Option<AppError> {
    error.filter(|error| !matches!(error, AppError::Invalid { field, .. } if fields.contains(&field.as_str())))
}
