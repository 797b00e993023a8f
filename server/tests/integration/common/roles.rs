//! The kinds of people every server function is tried as.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Anonymous,
    Member,
    MemberElsewhere,
    Connector,
    ConnectorElsewhere,
    Alumni,
    Admin,
}

pub const ROLES: [Role; 7] = [
    Role::Anonymous,
    Role::Member,
    Role::MemberElsewhere,
    Role::Connector,
    Role::ConnectorElsewhere,
    Role::Alumni,
    Role::Admin,
];

/// A client signed in as someone of `role`: the demo accounts for the home city (Paris), the
/// first plain member or a connector of Lyon for "elsewhere", and for alumni the last plain
/// member of `alumni_city`, made alumni for the test. Anonymous is a client without a session.
pub async fn signed_in_as(
    server: &super::TestServer,
    role: Role,
    alumni_city: &str,
) -> reqwest::Client {
    use demo_network::{DEMO_ADMIN_EMAIL, DEMO_CONNECTOR_EMAIL, DEMO_MEMBER_EMAIL};
    let lyon = "(SELECT id FROM cities WHERE slug = 'lyon')";
    let paris = "(SELECT id FROM cities WHERE slug = 'paris')";
    let plain = format!(
        "is_admin = FALSE AND is_alumni = FALSE AND id NOT IN (SELECT user_id FROM connectors) \
         AND email NOT IN ('{DEMO_ADMIN_EMAIL}', '{DEMO_CONNECTOR_EMAIL}', '{DEMO_MEMBER_EMAIL}')"
    );
    let email = match role {
        Role::Anonymous => return server.client(),
        Role::Member => DEMO_MEMBER_EMAIL.to_string(),
        Role::MemberElsewhere => {
            server
                .text(&format!("SELECT email FROM users WHERE city_id = {lyon} AND {plain} ORDER BY id LIMIT 1"))
                .await
        }
        Role::Connector => DEMO_CONNECTOR_EMAIL.to_string(),
        Role::ConnectorElsewhere => {
            server
                .text(&format!(
                    "SELECT u.email FROM users u JOIN connectors k ON k.user_id = u.id WHERE k.city_id = {lyon} \
                     AND u.id NOT IN (SELECT user_id FROM connectors WHERE city_id = {paris}) ORDER BY u.id LIMIT 1"
                ))
                .await
        }
        Role::Alumni => {
            let email = server
                .text(&format!(
                    "SELECT email FROM users WHERE city_id = (SELECT id FROM cities WHERE slug = '{alumni_city}') \
                     AND {plain} ORDER BY id DESC LIMIT 1"
                ))
                .await;
            server
                .execute(&format!("UPDATE users SET is_alumni = TRUE WHERE email = '{email}'"))
                .await;
            email
        }
        Role::Admin => DEMO_ADMIN_EMAIL.to_string(),
    };
    server.signed_in(&email).await
}
