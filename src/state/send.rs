//! The send preview's part of the state: who the next message goes to, what the last press
//! of Send did, and the upgrade pop-up a blocked send opens.
//!
//! Invariant: the pop-up and the last send are about the plan on show; a change of rules or
//! of the plan they were about (another tab's) closes and forgets them.

use std::rc::Rc;

use crate::engine::send::{Blocked, Recipient, Refusal, Unblock};

/// What the last press of Send did, as the send preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LastSend {
    Delivered {
        remaining: u64,
    },
    /// A non-connection: offered "Send as InMail".
    InMailOffered {
        credits_left: u64,
        charge_cents: u64,
    },
    InMailSent {
        charge_cents: u64,
        credits_left: u64,
    },
    Refused {
        reason: Refusal,
    },
    /// Over the limit: not delivered. `applied` is the way to unblock chosen since.
    Blocked {
        allowance: u64,
        applied: Option<Unblock>,
    },
}

impl LastSend {
    /// The `data-outcome` value.
    pub fn outcome_id(&self) -> &'static str {
        match self {
            LastSend::Delivered { .. } => "delivered",
            LastSend::InMailOffered { .. } | LastSend::InMailSent { .. } => "inmail",
            LastSend::Refused { .. } => "refused",
            LastSend::Blocked { .. } => "blocked",
        }
    }
}

/// The send preview and the upgrade pop-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sending {
    pub recipient: Recipient,
    pub last: Option<LastSend>,
    /// The open upgrade pop-up.
    pub dialog: Option<Rc<Blocked>>,
}

impl Default for Sending {
    fn default() -> Self {
        Sending {
            recipient: Recipient::Connection,
            last: None,
            dialog: None,
        }
    }
}

impl Sending {
    /// Forgets what was about another plan: the pop-up and the last send.
    pub fn forget(&mut self) {
        self.last = None;
        self.dialog = None;
    }
}

/// What the visitor does in the send preview and the pop-up.
#[derive(Clone, Debug, PartialEq)]
pub enum SendAction {
    SetRecipient(Recipient),
    Send,
    /// Sends the offered InMail to a non-connection.
    SendInMail,
    CloseDialog,
    /// A way to unblock, chosen in the pop-up.
    ApplyUnblock(Unblock),
}
