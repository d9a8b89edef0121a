//! The signals the app answers: the termination signals (TERM, HUP, INT,
//! QUIT) end it cleanly, with the terminal restored and pending changes
//! saved; TSTP (suspend from outside; Ctrl-z in raw mode arrives as a key)
//! gives the terminal back to the shell; CONT redraws. `signal-hook` queues
//! them, and the event loop polls the queue between terminal events.

/// A signal, as the event loop acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// End now (the number is the signal's, for the exit status 128 + n).
    Terminate(i32),
    /// Give the terminal back and stop until continued.
    Suspend,
    /// Continued after a stop: the screen must be drawn again.
    Continue,
}

#[cfg(unix)]
mod imp {
    use signal_hook::consts::signal::{
        SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP,
    };

    use super::Signal;

    /// The queue of signals received and not handled yet.
    pub struct Signals(signal_hook::iterator::Signals);

    impl Signals {
        /// Starts catching the signals (before the terminal is set up, so a
        /// signal during setup is not lost).
        pub fn install() -> std::io::Result<Self> {
            signal_hook::iterator::Signals::new([
                SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT,
            ])
            .map(Self)
        }

        /// The signals received since the last call, without waiting.
        pub fn pending(&mut self) -> Vec<Signal> {
            self.0
                .pending()
                .filter_map(|n| match n {
                    SIGTSTP => Some(Signal::Suspend),
                    SIGCONT => Some(Signal::Continue),
                    SIGTERM | SIGHUP | SIGINT | SIGQUIT => Some(Signal::Terminate(n)),
                    _ => None,
                })
                .collect()
        }
    }

    /// Stops the process the way the shell expects of Ctrl-z; returns when
    /// it is continued (`fg`).
    pub fn stop() -> std::io::Result<()> {
        signal_hook::low_level::raise(SIGSTOP)
    }
}

#[cfg(not(unix))]
mod imp {
    use super::Signal;

    /// Without Unix signals there is nothing to catch.
    pub struct Signals;

    impl Signals {
        pub fn install() -> std::io::Result<Self> {
            Ok(Self)
        }

        pub fn pending(&mut self) -> Vec<Signal> {
            Vec::new()
        }
    }

    pub fn stop() -> std::io::Result<()> {
        Ok(())
    }
}

pub use imp::{Signals, stop};
