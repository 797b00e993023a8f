//! Live delivery through real WebSocket connections: numbering, catch-up after a reconnect in the
//! middle of a burst, refetch when too far behind, and who may listen where.

use crate::common::live::LiveClient;
use crate::common::on_every_backend;
use crate::common::posting::{burst, home_channel, neighbours, post, posted_ids, seqs};
use demo_network::DEMO_MEMBER_EMAIL;
use serde_json::Value;
use std::collections::BTreeSet;

#[tokio::test(flavor = "multi_thread")]
async fn a_reconnect_in_the_middle_of_a_burst_receives_each_missed_event_once_in_order() {
    on_every_backend(|server| async move {
        let (channel, start) = home_channel(&server).await;
        let posters = neighbours(&server, 4).await;
        let (_, reader_cookie) = server.session(DEMO_MEMBER_EMAIL).await;

        let mut reader = LiveClient::connect(&server.base, &reader_cookie).await;
        reader.subscribe(channel, start).await;
        let first = burst(&server, &posters, channel, 2, "first").await;
        let received = reader.events(8).await;
        assert_eq!(seqs(&received), (start + 1..=start + 8).collect::<Vec<_>>());
        assert_eq!(posted_ids(&received), first);
        reader.close().await;

        // Offline while a burst starts; reconnect while it is still going on.
        let while_away = burst(&server, &posters, channel, 1, "away");
        let rejoin = async {
            let mut reader = LiveClient::connect(&server.base, &reader_cookie).await;
            reader.subscribe(channel, start + 8).await;
            reader
        };
        let (sent_away, mut reader) = tokio::join!(while_away, rejoin);
        let sent_after = burst(&server, &posters, channel, 1, "after").await;
        let replayed = reader.events(8).await;
        assert_eq!(
            seqs(&replayed),
            (start + 9..=start + 16).collect::<Vec<_>>()
        );
        let expected: BTreeSet<i64> = sent_away.union(&sent_after).copied().collect();
        assert_eq!(posted_ids(&replayed), expected);

        let stored = server
            .scalar(&format!(
                "SELECT COUNT(*) FROM channel_events WHERE channel_id = {channel} AND seq > {start}"
            ))
            .await;
        assert_eq!(
            stored, 16,
            "one event per sequence number on {}",
            server.backend
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn replies_reactions_and_edits_arrive_as_numbered_events() {
    on_every_backend(|server| async move {
        let (channel, start) = home_channel(&server).await;
        let posters = neighbours(&server, 2).await;
        let (author, other) = (&posters[0].0, &posters[1].0);
        let mut reader = LiveClient::connect(&server.base, &posters[1].1).await;
        reader.subscribe(channel, start).await;

        let root = post(&server, author, channel, "Who is coming on *Friday*?").await;
        let reply = server
            .call(
                other,
                "post_message",
                &[
                    ("channel", &channel.to_string()),
                    ("body", "Me!"),
                    ("parent", &root.to_string()),
                ],
            )
            .await;
        assert!(reply.status().is_success());
        let reacted = server
            .call(
                other,
                "toggle_reaction",
                &[("message", &root.to_string()), ("emoji", "🎉")],
            )
            .await;
        assert!(reacted.json::<bool>().await.unwrap(), "the reaction is on");
        let edited = server
            .call(
                author,
                "edit_message",
                &[
                    ("message", &root.to_string()),
                    ("body", "Who is coming on **Saturday**?"),
                ],
            )
            .await;
        assert!(edited.status().is_success());

        let events = reader.events(5).await;
        let kinds: Vec<&str> = events
            .iter()
            .map(|event| event["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["posted", "posted", "replied", "reacted", "edited"]);
        assert_eq!(seqs(&events), (start + 1..=start + 5).collect::<Vec<_>>());
        let last = &events[4]["message"];
        assert_eq!(last["reply_count"], 1);
        assert_eq!(last["reactions"][0]["emoji"], "🎉");
        assert!(last["html"]
            .as_str()
            .unwrap()
            .contains("<strong>Saturday</strong>"));
        assert_eq!(last["edited"], true);

        let history: Value = server
            .call(
                other,
                "get_message_history",
                &[("message", &root.to_string())],
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(history.as_array().map(Vec::len), Some(1), "{history}");
        assert!(history[0]["html"]
            .as_str()
            .unwrap()
            .contains("<em>Friday</em>"));

        let deleted = server
            .call(author, "delete_message", &[("message", &root.to_string())])
            .await;
        assert!(deleted.status().is_success(), "{}", deleted.status());
        let tombstone = &reader.events(1).await[0];
        assert_eq!(tombstone["kind"], "deleted");
        assert_eq!(tombstone["message"]["id"], root);
        assert_eq!(tombstone["message"]["deleted"], true);
        assert_eq!(tombstone["message"]["body"], "", "the text is gone");
        assert_eq!(tombstone["message"]["reply_count"], 1, "the thread stays");
        let page: Value = server
            .call(
                other,
                "get_channel_page",
                &[("channel", &channel.to_string())],
            )
            .await
            .json()
            .await
            .unwrap();
        let shown = page["messages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|message| message["id"] == root)
            .expect("the deleted message keeps its place");
        assert_eq!(shown["deleted"], true);
        assert!(!shown["html"].as_str().unwrap().contains("Saturday"));
        let history: Value = server
            .call(
                other,
                "get_message_history",
                &[("message", &root.to_string())],
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            history,
            serde_json::json!([]),
            "no history of a deleted text"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn members_in_a_channel_see_who_is_here_and_who_is_typing() {
    on_every_backend(|server| async move {
        let (channel, start) = home_channel(&server).await;
        let people = neighbours(&server, 2).await;
        let mut first = LiveClient::connect(&server.base, &people[0].1).await;
        first.subscribe(channel, start).await;
        let mut second = LiveClient::connect(&server.base, &people[1].1).await;
        second.subscribe(channel, start).await;
        let names = |frame: &Value| -> Vec<String> {
            frame["online"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|who| who["name"].as_str().map(String::from))
                .collect()
        };
        let mut both = names(&first.frame_of_type("presence").await);
        while both.len() < 2 {
            both = names(&first.frame_of_type("presence").await);
        }

        second
            .send(serde_json::json!({"type": "typing", "channel": channel}))
            .await;
        let typing = first.frame_of_type("typing").await;
        assert_eq!(typing["channel"], channel);
        assert!(both.contains(&typing["user"]["name"].as_str().unwrap().to_string()));

        let leaving = typing["user"]["name"].as_str().unwrap().to_string();
        second.close().await;
        loop {
            let online = names(&first.frame_of_type("presence").await);
            if !online.contains(&leaving) {
                assert_eq!(online.len(), 1, "{online:?}");
                break;
            }
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_too_far_behind_is_told_to_refetch() {
    on_every_backend(|server| async move {
        let (channel, _) = home_channel(&server).await;
        // The channel moved on by far more events than a replay carries.
        server
            .execute(&format!(
                "UPDATE channels SET last_seq = last_seq + 1500 WHERE id = {channel}"
            ))
            .await;
        let current = server
            .scalar(&format!(
                "SELECT last_seq FROM channels WHERE id = {channel}"
            ))
            .await;
        let (client, cookie) = server.session(DEMO_MEMBER_EMAIL).await;
        let mut reader = LiveClient::connect(&server.base, &cookie).await;
        reader.subscribe(channel, 0).await;
        let refetch = reader.significant_frame().await;
        assert_eq!(refetch["type"], "refetch");
        assert_eq!(refetch["seq"], current);
        post(&server, &client, channel, "still here").await;
        let next = reader.events(1).await;
        assert_eq!(seqs(&next), vec![current + 1]);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn outsiders_cannot_listen_to_private_conversations_or_members_only_channels() {
    on_every_backend(|server| async move {
        let (channel, _) = home_channel(&server).await;
        let locals = neighbours(&server, 2).await;
        let outsider_email = server
            .text(&format!(
                "SELECT email FROM users WHERE is_alumni = FALSE AND is_admin = FALSE AND city_id <> \
                 (SELECT city_id FROM users WHERE email = '{DEMO_MEMBER_EMAIL}') \
                 AND id NOT IN (SELECT user_id FROM connectors) ORDER BY id LIMIT 1"
            ))
            .await;
        let (outsider, outsider_cookie) = server.session(&outsider_email).await;
        let partner = server
            .scalar(&format!(
                "SELECT id FROM users WHERE is_alumni = FALSE AND city_id = \
                 (SELECT city_id FROM users WHERE email = '{DEMO_MEMBER_EMAIL}') ORDER BY id LIMIT 1 OFFSET 1"
            ))
            .await;
        let opened = server
            .call(&locals[0].0, "open_conversation", &[("with", &partner.to_string())])
            .await;
        assert!(opened.status().is_success(), "{}", opened.status());
        let conversation: i64 = opened.json().await.unwrap();

        let mut eavesdropper = LiveClient::connect(&server.base, &outsider_cookie).await;
        eavesdropper.subscribe(conversation, 0).await;
        let frame = eavesdropper.significant_frame().await;
        assert_eq!((frame["type"].as_str(), frame["channel"].as_i64()), (Some("denied"), Some(conversation)));
        let read = server.call(&outsider, "get_channel_page", &[("channel", &conversation.to_string())]).await;
        assert_eq!(read.status(), 404);

        server.execute(&format!("UPDATE channels SET members_only = TRUE WHERE id = {channel}")).await;
        eavesdropper.subscribe(channel, 0).await;
        let frame = eavesdropper.significant_frame().await;
        assert_eq!(frame["type"], "denied");

        let mut partner_tab = LiveClient::connect(&server.base, &locals[1].1).await;
        partner_tab.subscribe(conversation, 0).await;
        post(&server, &locals[0].0, conversation, "just between us").await;
        let events = partner_tab.events(1).await;
        assert_eq!(events[0]["message"]["body"], "just between us");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_client_that_stops_reading_during_a_large_burst_still_gets_every_event_once_in_order() {
    use app::context::ServerState;
    use app::discussion::notices::LiveNotifier;
    use app::discussion::writes::{self, Draft};

    on_every_backend(|server| async move {
        let (channel, start) = home_channel(&server).await;
        let (_, cookie) = server.session(DEMO_MEMBER_EMAIL).await;
        let author = server
            .scalar(&format!(
                "SELECT id FROM users WHERE email = '{DEMO_MEMBER_EMAIL}'"
            ))
            .await;
        let mut reader = LiveClient::connect(&server.base, &cookie).await;
        reader.subscribe(channel, start).await;
        reader.frame_of_type("presence").await;

        // Stored straight through the write path (without the members' rate limit), with no notice to the
        // server's hub: its periodic check must find them. Big messages fill the socket buffers
        // of a client that does not read, so its feed overflows and it is resynced from the table.
        let (notifier, _unheard) = LiveNotifier::new();
        let state = ServerState {
            db: server.database.any.clone(),
            dialect: server.database.dialect,
            live: notifier,
            clock: Default::default(),
        };
        let body = "x".repeat(9_000);
        const BURST: i64 = 900;
        for n in 0..BURST {
            let text = format!("{n} {body}");
            let draft = Draft {
                channel_id: channel,
                author_id: author,
                parent: None,
                body: &text,
                html: &text,
                mentioned: &[],
                now: 0,
                limit: None,
            };
            writes::post(&state, draft).await.expect("stored");
        }
        let events = reader.events(BURST as usize).await;
        assert_eq!(
            seqs(&events),
            (start + 1..=start + BURST).collect::<Vec<_>>()
        );
    })
    .await;
}
