//! Emails in the member's language: chosen at sign-up from the language they read Edges in,
//! changed in their email settings, and refused when Edges does not speak it.

use crate::common::mail::{folder_of, mailing, wait_for_mail};
use crate::common::money::ok;
use crate::common::on_every_backend_configured;
use crate::common::proposals::member_of;
use crate::email::{name_of, post};

#[tokio::test(flavor = "multi_thread")]
async fn members_get_their_emails_in_the_language_they_chose() {
    let root = tempfile::tempdir().expect("mail root");
    on_every_backend_configured(mailing(root.path()), |server| {
        let folder = folder_of(root.path(), &server);
        async move {
            // Someone who signs up while reading Edges in French is written to in French.
            let newcomer = server.client();
            let signed_up = newcomer
                .post(format!("{}/api/sign_up", server.base))
                .header("accept", "application/json")
                .header("accept-language", "fr-FR,fr;q=0.9,en;q=0.5")
                .form(&[
                    ("name", "Zoé Lemaire"),
                    ("email", "zoe.lemaire@example.org"),
                    ("password", "une phrase de passe"),
                    ("city", "paris"),
                ])
                .send()
                .await
                .expect("sign up");
            let status = signed_up.status();
            assert!(status.is_success() || status.is_redirection(), "{status}");
            let preferences = ok(&server, &newcomer, "get_email_preferences", &[]).await;
            assert_eq!(preferences["locale"], "fr");

            let writer_email = member_of(&server, "paris", 1).await;
            let writer = server.signed_in(&writer_email).await;
            let writer_name = name_of(&server, &writer_email).await;
            let channel = server
                .home_channel_of("zoe.lemaire@example.org")
                .await
                .to_string();
            post(
                &server,
                &writer,
                &channel,
                "Bienvenue @**Zoé Lemaire** !",
                None,
            )
            .await;
            let mention =
                wait_for_mail(&folder, "zoe.lemaire@example.org", "vous a mentionné").await;
            assert!(
                mention
                    .subject
                    .starts_with(&format!("{writer_name} vous a mentionné dans #")),
                "{}",
                mention.subject
            );
            assert!(mention.body.contains("> Bienvenue @**Zoé Lemaire** !"));
            assert!(mention
                .body
                .contains("Lire et répondre : https://edges.example/"));
            assert!(mention
                .body
                .contains("en un clic : https://edges.example/email/unsubscribe/"));

            // The member switches their emails to English: the next one is in English.
            ok(
                &server,
                &newcomer,
                "update_email_preferences",
                &[("mentions", "on"), ("digest", "weekly"), ("locale", "en")],
            )
            .await;
            post(&server, &writer, &channel, "See you @**Zoé Lemaire**", None).await;
            let english =
                wait_for_mail(&folder, "zoe.lemaire@example.org", "mentioned you in").await;
            assert!(
                english.body.contains("Read and answer: "),
                "{}",
                english.body
            );

            // A language Edges does not speak is refused and changes nothing.
            let refused = server
                .call(
                    &newcomer,
                    "update_email_preferences",
                    &[("digest", "off"), ("locale", "tlh")],
                )
                .await;
            assert_eq!(refused.status(), 422);
            assert!(refused
                .text()
                .await
                .unwrap_or_default()
                .contains("BadLanguage"));
            let kept = ok(&server, &newcomer, "get_email_preferences", &[]).await;
            assert_eq!(
                (kept["locale"].as_str(), kept["digest"].as_str()),
                (Some("en"), Some("Weekly"))
            );
        }
    })
    .await;
}
