//! A node checks its live connections' rights together. Whatever the members' roles, mutes and
//! conversations and the channels' settings, the answers are those each member gets alone.
use crate::common::{on_every_backend, TestServer};
use crate::discussion_privacy::{open_conversation, three_people, user_field};
use app::discussion::access::{self, Access};
use app::discussion::access_check::{check_many, Asked, Checked};
use app::discussion::queries;

/// Every standing the rules look at: a private conversation, a running and a lapsed mute, a
/// members-only city channel, an alumna and a deleted account.
async fn every_kind_of_standing(server: &TestServer) {
    let (author_email, partner_email, outsider_email) = three_people(server).await;
    let author = server.signed_in(&author_email).await;
    let partner_id = user_field(server, &partner_email, "id").await;
    let author_id = user_field(server, &author_email, "id").await;
    open_conversation(server, &author, &partner_id).await;
    let city_of = |email: &str| format!("(SELECT city_id FROM users WHERE email = '{email}')");
    let now = app::context::system_now();
    server
        .execute(&format!(
            "INSERT INTO city_mutes (city_id, user_id, until, reason) VALUES \
             ({}, {partner_id}, {}, 'running'), ({}, {author_id}, 1, 'lapsed')",
            city_of(&partner_email),
            now + 3600,
            city_of(&author_email),
        ))
        .await;
    server
        .execute(&format!(
            "UPDATE channels SET members_only = TRUE WHERE kind = 'city' AND city_id = {}",
            city_of(&outsider_email)
        ))
        .await;
    server
        .execute("UPDATE users SET is_alumni = TRUE WHERE id = (SELECT MAX(id) FROM users)")
        .await;
    server
        .execute(
            "UPDATE users SET deleted_at = 1 WHERE id = \
             (SELECT MAX(id) FROM users WHERE is_alumni = FALSE)",
        )
        .await;
}

async fn ids(server: &TestServer, sql: &str) -> Vec<i64> {
    sqlx::query_as::<_, (i64,)>(sql)
        .fetch_all(&server.database.any)
        .await
        .expect(sql)
        .into_iter()
        .map(|(id,)| id)
        .collect()
}

/// The answer of the one-by-one check, as a request or a subscription gets it.
async fn alone(server: &TestServer, asked: &Asked) -> Checked {
    let db = &server.database.any;
    let Some(viewer) = app::accounts::queries::viewer(db, asked.user_id)
        .await
        .unwrap()
    else {
        return Checked::Gone;
    };
    let mut channels = Vec::new();
    for id in &asked.channels {
        let rights = match queries::channel(db, *id).await.unwrap() {
            Some(channel) => Some(access::access(db, &viewer, &channel).await.unwrap()),
            None => None,
        };
        channels.push((*id, rights));
    }
    Checked::Now { viewer, channels }
}

#[tokio::test(flavor = "multi_thread")]
async fn rights_checked_together_are_those_checked_one_by_one() {
    on_every_backend(|server| async move {
        every_kind_of_standing(&server).await;
        let mut channels = ids(&server, "SELECT id FROM channels ORDER BY id").await;
        let missing = channels.iter().max().copied().unwrap_or(0) + 1000;
        channels.push(missing);
        let asked: Vec<Asked> = ids(&server, "SELECT id FROM users ORDER BY id")
            .await
            .into_iter()
            .map(|user_id| Asked {
                user_id,
                channels: channels.clone(),
            })
            .collect();

        let together = check_many(&server.database.any, &asked, app::context::system_now())
            .await
            .unwrap();

        assert_eq!(together.len(), asked.len());
        let mut seen = std::collections::HashSet::new();
        for (question, answer) in asked.iter().zip(&together) {
            assert_eq!(*answer, alone(&server, question).await, "{question:?}");
            match answer {
                Checked::Gone => {
                    seen.insert("gone".to_string());
                }
                Checked::Now { channels, .. } => {
                    seen.extend(channels.iter().map(|(_, rights)| format!("{rights:?}")));
                }
            }
        }
        // The cases that matter all came up: no channel, no account, no reading, reading
        // without writing (muted, alumni, members-only elsewhere), moderating.
        let denied = Access {
            read: false,
            post: false,
            moderate: false,
        };
        let read_only = Access {
            read: true,
            post: false,
            moderate: false,
        };
        for case in [
            "gone".to_string(),
            "None".to_string(),
            format!("{:?}", Some(denied)),
            format!("{:?}", Some(read_only)),
        ] {
            assert!(seen.contains(&case), "{case} never came up: {seen:?}");
        }
        assert!(seen.len() >= 6, "{seen:?}");
    })
    .await;
}
