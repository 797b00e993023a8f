//! A channel's own buttons: follow or leave, mute, and (for its moderators) members-only.
use super::follow_channel::FollowChannel;
use super::mute_channel::MuteChannel;
use super::set_members_only::SetMembersOnly;
use super::types::{ChannelKind, ChannelSummary};
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn ChannelSettings(
    channel: ChannelSummary,
    may_moderate: bool,
    sidebar: RwSignal<Vec<ChannelSummary>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = channel.id;
    let following = RwSignal::new(channel.following);
    let muted = RwSignal::new(channel.muted);
    let members_only = RwSignal::new(channel.members_only);
    let follow = ServerAction::<FollowChannel>::new();
    let mute = ServerAction::<MuteChannel>::new();
    let restrict = ServerAction::<SetMembersOnly>::new();
    let update_sidebar = move |change: &dyn Fn(&mut ChannelSummary)| {
        sidebar.update(|channels| {
            channels
                .iter_mut()
                .filter(|listed| listed.id == id)
                .for_each(change)
        });
    };
    Effect::new(move |_| {
        if let Some(Ok(())) = follow.value().get() {
            following.update(|on| *on = !*on);
            let now = following.get_untracked();
            update_sidebar(&|listed| listed.following = now);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = mute.value().get() {
            muted.update(|on| *on = !*on);
            let now = muted.get_untracked();
            update_sidebar(&|listed| listed.muted = now);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = restrict.value().get() {
            members_only.update(|on| *on = !*on);
        }
    });
    let direct = channel.kind == ChannelKind::Direct;
    view! {
        <div class="channel-settings">
            {move || (!direct || following.get()).then(|| view! {
                <ActionForm action=follow attr:class="inline-form">
                    <input type="hidden" name="channel" value=id />
                    <input type="hidden" name="follow" value=move || (!following.get()).to_string() />
                    <button type="submit" class="link-button">
                        {move || if following.get() { t_string!(i18n, discussion.unfollow) } else { t_string!(i18n, discussion.follow) }}
                    </button>
                </ActionForm>
            })}
            {move || following.get().then(|| view! {
                <ActionForm action=mute attr:class="inline-form">
                    <input type="hidden" name="channel" value=id />
                    <input type="hidden" name="muted" value=move || (!muted.get()).to_string() />
                    <button type="submit" class="link-button">
                        {move || if muted.get() { t_string!(i18n, discussion.unmute) } else { t_string!(i18n, discussion.mute) }}
                    </button>
                </ActionForm>
            })}
            {(may_moderate && channel.kind == ChannelKind::City).then(|| view! {
                <ActionForm action=restrict attr:class="inline-form">
                    <input type="hidden" name="channel" value=id />
                    <input type="hidden" name="members_only" value=move || (!members_only.get()).to_string() />
                    <button type="submit" class="link-button" aria-pressed=move || members_only.get().to_string()>
                        {t!(i18n, discussion.members_only)}{move || if members_only.get() { " ✓" } else { "" }}
                    </button>
                </ActionForm>
            })}
        </div>
    }
}
