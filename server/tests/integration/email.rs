//! Emails, read back from the `.eml` folder: a mention, a reply, a decision closing soon, a
//! funded bucket and the weekly digest each reach the right member once, with the one-click way
//! out; preferences and the unsubscribe link stop them.

use crate::common::mail::{
    all_mail, folder_of, mail_to, mailing, wait_for_mail, wait_until_mailed, Mail,
};
use crate::common::money::{fund_pot, ok, open_bucket, open_funding_round, pot_of};
use crate::common::proposals::{member_of, outcome, propose};
use crate::common::{on_every_backend_configured, TestServer};
use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
use std::time::{Duration, Instant};

fn unsubscribe_link(mail: &Mail) -> String {
    let start = mail
        .body
        .find("https://edges.example/email/unsubscribe/")
        .expect("an unsubscribe link");
    mail.body[start..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

pub async fn name_of(server: &TestServer, email: &str) -> String {
    server
        .text(&format!("SELECT name FROM users WHERE email = '{email}'"))
        .await
}

pub async fn post(
    server: &TestServer,
    client: &reqwest::Client,
    channel: &str,
    body: &str,
    parent: Option<i64>,
) -> i64 {
    let parent = parent.map(|id| id.to_string());
    let mut form = vec![("channel", channel), ("body", body)];
    if let Some(parent) = &parent {
        form.push(("parent", parent));
    }
    ok(server, client, "post_message", &form)
        .await
        .as_i64()
        .expect("message id")
}

#[tokio::test(flavor = "multi_thread")]
async fn mentions_and_replies_reach_members_as_they_chose_and_one_click_stops_them() {
    let root = tempfile::tempdir().expect("mail root");
    on_every_backend_configured(mailing(root.path()), |server| {
        let folder = folder_of(root.path(), &server);
        async move {
            let writer_email = member_of(&server, "paris", 1).await;
            let writer = server.signed_in(&writer_email).await;
            let writer_name = name_of(&server, &writer_email).await;
            let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
            let member_name = name_of(&server, DEMO_MEMBER_EMAIL).await;
            let channel = server.home_channel_of(DEMO_MEMBER_EMAIL).await.to_string();

            post(
                &server,
                &writer,
                &channel,
                &format!("Welcome @**{member_name}**, the soup is at seven"),
                None,
            )
            .await;
            let mention = wait_for_mail(&folder, DEMO_MEMBER_EMAIL, "mentioned you").await;
            assert!(
                mention.subject.starts_with(&writer_name),
                "{}",
                mention.subject
            );
            assert!(
                mention.body.contains(&format!(
                    "> Welcome @**{member_name}**, the soup is at seven"
                )),
                "{}",
                mention.body
            );
            assert!(
                mention.body.contains(&format!(
                    "https://edges.example/discussion/{channel}?before="
                )),
                "{}",
                mention.body
            );
            assert!(
                mention
                    .headers
                    .contains("List-Unsubscribe: <https://edges.example/email/unsubscribe/"),
                "{}",
                mention.headers
            );
            assert!(mention
                .headers
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));

            let question = post(&server, &member, &channel, "Who brings bread?", None).await;
            post(&server, &writer, &channel, "I will", Some(question)).await;
            let reply = wait_for_mail(&folder, DEMO_MEMBER_EMAIL, "replied to you").await;
            assert!(reply.body.contains("> I will"), "{}", reply.body);
            assert!(
                reply.body.contains(&format!("?thread={question}#m")),
                "{}",
                reply.body
            );

            // Mentions off, replies on: a second mention is told in the app only.
            ok(
                &server,
                &member,
                "update_email_preferences",
                &[
                    ("replies", "on"),
                    ("decisions", "on"),
                    ("buckets", "on"),
                    ("digest", "daily"),
                ],
            )
            .await;
            let saved = ok(&server, &member, "get_email_preferences", &[]).await;
            assert_eq!(saved["mentions"], false);
            assert_eq!(saved["digest"], "Daily");
            post(
                &server,
                &writer,
                &channel,
                &format!("Thanks @**{member_name}**"),
                None,
            )
            .await;
            wait_until_mailed(&server).await;
            assert_eq!(
                mail_to(&all_mail(&folder), DEMO_MEMBER_EMAIL, "mentioned you").len(),
                1
            );

            // The link opens a page with one button; nobody needs to sign in.
            let link = unsubscribe_link(&reply);
            let token = link.rsplit('/').next().unwrap_or_default().to_string();
            let anonymous = server.client();
            let page = anonymous
                .get(format!("{}/email/unsubscribe/{token}", server.base))
                .send()
                .await
                .expect("page");
            assert_eq!(page.status(), 200);
            assert!(page
                .text()
                .await
                .unwrap_or_default()
                .contains("Stop all emails"));
            let bogus = server
                .call(&anonymous, "unsubscribe", &[("token", &"0".repeat(64))])
                .await;
            assert_eq!(bogus.status(), 404);
            let stopped = server
                .call(&anonymous, "unsubscribe", &[("token", &token)])
                .await;
            assert!(
                stopped.status().is_success() || stopped.status().is_redirection(),
                "{}",
                stopped.status()
            );
            let after = ok(&server, &member, "get_email_preferences", &[]).await;
            assert_eq!(
                (after["replies"].as_bool(), after["digest"].as_str()),
                (Some(false), Some("Off"))
            );
            // Mail clients' own one-click button (RFC 8058) POSTs to the header's address.
            let one_click = anonymous
                .post(format!("{}/email/unsubscribe/{token}", server.base))
                .body("List-Unsubscribe=One-Click")
                .send()
                .await
                .expect("answer");
            assert_eq!(one_click.status(), 200);

            post(&server, &writer, &channel, "Me too", Some(question)).await;
            wait_until_mailed(&server).await;
            assert_eq!(
                mail_to(&all_mail(&folder), DEMO_MEMBER_EMAIL, "replied to you").len(),
                1
            );
        }
    })
    .await;
}

/// Waits until the scheduler has run every job that is due by the server's clock.
async fn jobs_done(server: &TestServer) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let due = server
            .scalar(&format!(
                "SELECT COUNT(*) FROM jobs WHERE done_at IS NULL AND due_at <= {}",
                server.clock.now()
            ))
            .await;
        if due == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "{due} jobs still due");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_closing_decision_a_funded_bucket_and_the_weekly_digest_are_emailed() {
    let root = tempfile::tempdir().expect("mail root");
    on_every_backend_configured(mailing(root.path()), |server| {
        let folder = folder_of(root.path(), &server);
        async move {
            let connector = server.signed_in(DEMO_CONNECTOR_EMAIL).await;
            let member = server.signed_in(DEMO_MEMBER_EMAIL).await;
            let giver_email = member_of(&server, "paris", 2).await;
            let giver = server.signed_in(&giver_email).await;
            let quiet_email = member_of(&server, "paris", 3).await;
            let quiet = server.signed_in(&quiet_email).await;
            ok(
                &server,
                &quiet,
                "update_email_preferences",
                &[("digest", "off")],
            )
            .await;

            let title = "Open the tool library on Sundays";
            let proposal = propose(&server, &connector, "paris", "lazy_consent", title, "").await;
            // The reminder goes out halfway to the close.
            server.clock.advance(31 * 60);
            let closing = wait_for_mail(
                &folder,
                DEMO_MEMBER_EMAIL,
                &format!("Closing soon: {title}"),
            )
            .await;
            assert!(
                closing
                    .body
                    .contains(&format!("https://edges.example/decisions/{proposal}")),
                "{}",
                closing.body
            );
            assert!(closing.body.contains("silence counts as consent"));

            let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
            let paris = pot_of(&server, Some("paris")).await;
            fund_pot(&server, &admin, paris, "1000").await;
            let round = open_funding_round(&server, &connector, paris, "").await;
            ok(
                &server,
                &connector,
                "allocate_equally",
                &[("round", &round.to_string()), ("amount", "50")],
            )
            .await;
            let bucket = open_bucket(&server, &member, round, "20", "40")
                .await
                .to_string();
            ok(
                &server,
                &giver,
                "fund_bucket",
                &[("bucket", &bucket), ("amount", "10")],
            )
            .await;
            ok(
                &server,
                &member,
                "fund_bucket",
                &[("bucket", &bucket), ("amount", "10")],
            )
            .await;
            for address in [DEMO_MEMBER_EMAIL, giver_email.as_str()] {
                // In each one's language: the giver is a Parisian who may read French.
                let funded = wait_for_mail(&folder, address, "Seed library").await;
                assert!(
                    funded
                        .body
                        .contains(&format!("https://edges.example/budgets/buckets/{bucket}")),
                    "{}",
                    funded.body
                );
            }
            wait_until_mailed(&server).await;
            // The member started the bucket and gave to it: one email all the same.
            assert_eq!(
                mail_to(&all_mail(&folder), DEMO_MEMBER_EMAIL, "Funded:").len(),
                1
            );

            // The decision closes, and a week later the digest tells what was decided.
            server.clock.advance(30 * 60);
            assert_eq!(outcome(&server, proposal).await, "passed");
            // Everything due in the week is done first (the scheduler closes the demo's open
            // proposals as their times come), then the digest falls due.
            let since = server.scalar("SELECT CAST(value AS BIGINT) FROM network_settings WHERE name = 'digests_since'").await;
            server.clock.advance(since + 7 * 86_400 - 60 - server.clock.now());
            jobs_done(&server).await;
            let decided_before = server
                .scalar("SELECT COUNT(*) FROM proposals WHERE closed_at >= \
                    (SELECT CAST(value AS BIGINT) FROM network_settings WHERE name = 'digests_since') \
                    AND (city_id IS NULL OR city_id = (SELECT id FROM cities WHERE slug = 'paris'))")
                .await as usize;
            assert!(decided_before >= 1, "ours closed");
            server.clock.advance(120);
            let digest = wait_for_mail(&folder, DEMO_MEMBER_EMAIL, "Your week on Edges").await;
            // It lists the latest decisions of Paris and the network closed since digests began
            // (at most five): each one it names closed then, and it names as many as there were.
            let decided_sql = "SELECT CAST(id AS TEXT) FROM proposals WHERE closed_at >= \
                 (SELECT CAST(value AS BIGINT) FROM network_settings WHERE name = 'digests_since') \
                 AND (city_id IS NULL OR city_id = (SELECT id FROM cities WHERE slug = 'paris'))";
            let decided = server.texts(decided_sql).await;
            let section = digest.body.split("\nDecided\n").nth(1).expect("a Decided section");
            let section = section.split("\n\n").next().unwrap_or_default();
            let named: Vec<&str> = section
                .lines()
                .filter_map(|line| line.rsplit("/decisions/").next())
                .collect();
            assert!(named.len() >= decided_before.min(5) && named.len() <= 5, "{named:?} of {decided:?}");
            for id in &named {
                assert!(decided.iter().any(|closed| closed == id), "{id} did not close: {section}");
            }
            assert!(
                digest
                    .body
                    .contains("https://edges.example/email/unsubscribe/"),
                "{}",
                digest.body
            );
            wait_until_mailed(&server).await;
            assert!(
                mail_to(&all_mail(&folder), &quiet_email, "Your week").is_empty(),
                "digest off means none"
            );
            assert_eq!(
                mail_to(&all_mail(&folder), DEMO_MEMBER_EMAIL, "Your week").len(),
                1
            );
        }
    })
    .await;
}
