//! The rights checks of this node's live connections, answered together. Every connection has
//! its rights checked again each period; with thousands of connections that would be thousands
//! of small queries a minute. Questions asked within a short window are answered by a few
//! queries for all of them, while each connection goes on delivering until its answer comes.
use app::discussion::access_check::{check_many, Asked, Checked};
use sqlx::AnyPool;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// Questions asked within this window of the first are answered together: a revocation takes
/// effect this much later at most, on top of the check period.
const GATHER: Duration = Duration::from_millis(50);
/// At most this many questions in one answer, so one answer's queries stay short.
const BATCH_MAX: usize = 1000;

/// The answer to a question: `None` when the database did not answer (check again next period).
pub type Answer = Option<Checked>;

struct Question {
    asked: Asked,
    reply: oneshot::Sender<Answer>,
}

pub struct RightsChecks {
    questions: mpsc::UnboundedSender<Question>,
}

impl RightsChecks {
    /// Starts the task that answers; it stops when this is dropped.
    pub fn start(db: AnyPool) -> RightsChecks {
        let (questions, received) = mpsc::unbounded_channel();
        tokio::spawn(answer_all(db, received));
        RightsChecks { questions }
    }

    /// Asks about a member's channels; the answer comes on the receiver.
    pub fn ask(&self, asked: Asked) -> oneshot::Receiver<Answer> {
        let (reply, answer) = oneshot::channel();
        // A send fails only once the answering task has stopped: the receiver then reports the
        // dropped reply, which the connection takes as "no answer this time".
        let _ = self.questions.send(Question { asked, reply });
        answer
    }
}

async fn answer_all(db: AnyPool, mut questions: mpsc::UnboundedReceiver<Question>) {
    while let Some(first) = questions.recv().await {
        let batch = gather(first, &mut questions).await;
        let asked: Vec<Asked> = batch
            .iter()
            .map(|question| question.asked.clone())
            .collect();
        match check_many(&db, &asked, app::context::now()).await {
            Ok(answers) => {
                for (question, checked) in batch.into_iter().zip(answers) {
                    let _ = question.reply.send(Some(checked));
                }
            }
            Err(error) => {
                tracing::warn!(%error, questions = asked.len(), "live rights checks failed");
                for question in batch {
                    let _ = question.reply.send(None);
                }
            }
        }
    }
}

/// The first question and those that arrive within the window after it.
async fn gather(
    first: Question,
    questions: &mut mpsc::UnboundedReceiver<Question>,
) -> Vec<Question> {
    let mut batch = vec![first];
    let window = tokio::time::sleep(GATHER);
    tokio::pin!(window);
    while batch.len() < BATCH_MAX {
        tokio::select! {
            next = questions.recv() => match next {
                Some(question) => batch.push(question),
                None => break,
            },
            () = &mut window => break,
        }
    }
    batch
}
