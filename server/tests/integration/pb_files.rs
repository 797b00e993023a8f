//! pabulib files in and out: `edges pb import` makes a ballot round of a real election, the
//! round is counted like any other, and `edges pb export` writes it back as a file that reads
//! again and counts the same.

use crate::common::money::{assert_money_conserved, fund_pot, ok, pot_of, set_phase};
use crate::common::on_every_backend;
use budget_rules::{pabulib, tally, Rule, TieBreak};
use demo_network::DEMO_ADMIN_EMAIL;
use server::pb::{export, import};
use std::path::PathBuf;

/// ../shared beside the checkout, as the rules engine's tests find it.
fn shared_file(name: &str) -> PathBuf {
    let file = format!("shared/pabulib/{name}");
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join(&file))
        .find(|path| path.is_file())
        .expect("shared/pabulib beside the checkout")
}

#[tokio::test(flavor = "multi_thread")]
async fn an_imported_election_is_counted_and_exported_back() {
    let file = shared_file("poland_gdynia_2020_maly-kack-large.pb");
    let original = pabulib::parse_bytes(&std::fs::read(&file).unwrap()).unwrap();
    on_every_backend(|server| {
        let file = file.clone();
        let original = original.clone();
        async move {
            let db = &server.database.any;
            let request = import::Import {
                file: &file,
                city: None,
                rule: Rule::MesAdd1Greedy,
                now: app::context::now(),
            };
            let imported = import::import(db, &request).await.unwrap();
            assert_eq!(imported.projects, original.projects.len());
            assert_eq!(imported.ballots, original.ballots.len());

            // The round counts like one made on the site, once its budget is set aside.
            let admin = server.signed_in(DEMO_ADMIN_EMAIL).await;
            fund_pot(&server, &admin, pot_of(&server, None).await, "500000").await;
            let round = imported.round_id.to_string();
            set_phase(&server, &admin, &round, "voting").await;
            ok(&server, &admin, "tally_round", &[("round", &round)]).await;
            assert_money_conserved(&server).await;

            let text = export::export(db, imported.round_id).await.unwrap();
            let exported = pabulib::parse(&text).expect("the export reads back");
            assert_eq!(exported.budget, original.budget);
            assert_eq!(exported.vote_type, original.vote_type);
            assert_eq!(exported.projects.len(), original.projects.len());
            assert_eq!(exported.ballots.len(), original.ballots.len());
            let approvals = |election: &budget_rules::Election| {
                let mut counts: Vec<usize> = (0..election.projects.len())
                    .map(|at| {
                        election
                            .ballots
                            .iter()
                            .filter(|b| b.projects.contains(&at))
                            .count()
                    })
                    .collect();
                counts.sort_unstable();
                counts
            };
            assert_eq!(
                approvals(&exported),
                approvals(&original),
                "every approval kept"
            );
            for key in ["date_begin", "date_end"] {
                let (_, value) = exported.meta.iter().find(|(name, _)| name == key).unwrap();
                assert!(
                    value.len() == 10 && value.as_bytes()[2] == b'.',
                    "{key}: {value}"
                );
            }

            // What the file says was selected is what counting the file selects.
            let published: Vec<String> = exported
                .projects
                .iter()
                .filter(|project| project.field("selected") == Some("1"))
                .map(|project| project.id.clone())
                .collect();
            assert!(!published.is_empty());
            let recount = tally(&exported, Rule::MesAdd1Greedy, TieBreak::default());
            assert_eq!(recount.selected_sorted(), {
                let mut sorted = published.clone();
                sorted.sort();
                sorted
            });
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_file_is_refused_with_its_line_and_leaves_no_round() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.pb");
    std::fs::write(
        &file,
        "META\nkey;value\ndescription;Broken\ncountry;Nowhere\nunit;Test\ninstance;2026\n\
         num_projects;1\nnum_votes;1\nbudget;100\nvote_type;approval\nrule;greedy\n\
         date_begin;01.01.2026\ndate_end;02.01.2026\n\
         PROJECTS\nproject_id;cost\n1;fifty\nVOTES\nvoter_id;vote\n1;1\n",
    )
    .unwrap();
    on_every_backend(|server| {
        let file = file.clone();
        async move {
            let db = &server.database.any;
            let request = import::Import {
                file: &file,
                city: Some("paris"),
                rule: Rule::Mes,
                now: app::context::now(),
            };
            let error = import::import(db, &request).await.err().expect("refused");
            assert!(error.to_string().contains("line 16"), "{error}");
            let rounds = server
                .texts("SELECT title FROM budget_rounds WHERE title = 'Broken'")
                .await;
            assert!(rounds.is_empty());

            let unknown = import::Import {
                file: &shared_file("poland_gdynia_2020_maly-kack-large.pb"),
                city: Some("atlantis"),
                rule: Rule::Mes,
                now: app::context::now(),
            };
            let error = import::import(db, &unknown).await.err().expect("refused");
            assert!(error.to_string().contains("atlantis"), "{error}");
        }
    })
    .await;
}
