//! A small SMTP server on loopback, for tests that send real email.
//!
//! It speaks enough of RFC 5321 for a real client (lettre) to deliver to
//! it: the 220 greeting, EHLO/HELO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA
//! (with dot-unstuffing), RSET, NOOP and QUIT. Every message it accepts is
//! kept, envelope and raw data, for the test to inspect; `decoded_*`
//! undo the MIME encodings a mailer applies, so a test can compare text.

use std::net::SocketAddr;
use std::time::Duration;

use base64::Engine as _;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// A message as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The name the client gave in EHLO or HELO.
    pub helo: String,
    /// `(user, password)` if the client authenticated with AUTH PLAIN.
    pub auth: Option<(String, String)>,
    /// The reverse path of MAIL FROM, without the angle brackets.
    pub mail_from: String,
    /// The forward paths of RCPT TO, without the angle brackets.
    pub rcpt_to: Vec<String>,
    /// Header and body as sent, after dot-unstuffing, lines ending in CRLF.
    pub data: String,
}

impl Received {
    /// The raw value of the first header called `name` (case-insensitive),
    /// with folded lines joined.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or_default();
        let mut value: Option<String> = None;
        for line in head.split("\r\n") {
            if line.starts_with([' ', '\t']) {
                if let Some(v) = value.as_mut() {
                    v.push_str(line);
                    continue;
                }
            } else if value.is_some() {
                break;
            }
            if let Some((n, v)) = line.split_once(':') {
                if n.eq_ignore_ascii_case(name) {
                    value = Some(v.trim_start().to_owned());
                }
            }
        }
        value
    }

    /// The Subject, with RFC 2047 encoded words (`=?utf-8?b?…?=` and
    /// `=?utf-8?q?…?=`) decoded.
    pub fn decoded_subject(&self) -> String {
        decode_words(&self.header("Subject").unwrap_or_default())
    }

    /// The body, decoded by its Content-Transfer-Encoding (7bit, 8bit,
    /// quoted-printable or base64) as UTF-8, with CRLF turned into LF.
    pub fn decoded_body(&self) -> String {
        let body = self.data.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        let encoding = self
            .header("Content-Transfer-Encoding")
            .unwrap_or_else(|| "7bit".into())
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "base64" => base64_decode(body),
            "quoted-printable" => quoted_printable_decode(body),
            _ => body.as_bytes().to_vec(),
        };
        String::from_utf8(bytes)
            .expect("the body is UTF-8")
            .replace("\r\n", "\n")
    }
}

/// A running SMTP server; stops when dropped.
pub struct SmtpServer {
    addr: SocketAddr,
    received: watch::Receiver<Vec<Received>>,
    task: tokio::task::JoinHandle<()>,
}

/// How the server answers the end of DATA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Accept,
    /// 451: "try again later", as a busy or greylisting relay answers.
    RefuseData,
}

impl SmtpServer {
    /// Starts a server that accepts every message.
    pub async fn start() -> SmtpServer {
        Self::start_with(Mode::Accept).await
    }

    /// Starts a server that answers every message with a transient 451
    /// after DATA, and keeps none.
    pub async fn start_refusing() -> SmtpServer {
        Self::start_with(Mode::RefuseData).await
    }

    async fn start_with(mode: Mode) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("a local address");
        let (tx, received) = watch::channel(Vec::new());
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let tx = tx.clone();
                tokio::spawn(async move {
                    // A client that hangs up mid-session only ends its session.
                    let _ = session(stream, mode, &tx).await;
                });
            }
        });
        SmtpServer {
            addr,
            received,
            task,
        }
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `smtp://127.0.0.1:PORT`: plain SMTP, as a local relay is reached.
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Every message received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.borrow().clone()
    }

    /// Waits until at least `n` messages have arrived, or panics after
    /// `within`.
    pub async fn wait_for(&self, n: usize, within: Duration) -> Vec<Received> {
        let mut rx = self.received.clone();
        let got = tokio::time::timeout(within, rx.wait_for(|m| m.len() >= n)).await;
        match got {
            Ok(Ok(messages)) => messages.clone(),
            _ => panic!(
                "expected {n} messages within {within:?}, got {}",
                self.received().len()
            ),
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A loopback address where nothing listens: connecting is refused.
pub fn refused_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let addr = listener.local_addr().expect("a local address");
    drop(listener);
    format!("smtp://{addr}")
}

/// The longest message the server keeps; a runaway client is cut off.
const MAX_DATA: usize = 10 * 1024 * 1024;

async fn session(
    stream: TcpStream,
    mode: Mode,
    tx: &watch::Sender<Vec<Received>>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    write
        .write_all(b"220 localhost test SMTP ready\r\n")
        .await?;
    let mut helo = String::new();
    let mut auth = None;
    let mut mail_from: Option<String> = None;
    let mut rcpt_to: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if read.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        let (verb, arg) = text.split_once(' ').unwrap_or((text, ""));
        let reply: &[u8] = match verb.to_ascii_uppercase().as_str() {
            "EHLO" => {
                helo = arg.to_owned();
                b"250-localhost\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n"
            }
            "HELO" => {
                helo = arg.to_owned();
                b"250 localhost\r\n"
            }
            "AUTH" => match arg.split_once(' ') {
                Some((mech, initial)) if mech.eq_ignore_ascii_case("PLAIN") => {
                    auth = parse_plain(initial);
                    if auth.is_some() {
                        b"235 2.7.0 authenticated\r\n"
                    } else {
                        b"501 5.5.2 cannot decode\r\n"
                    }
                }
                _ => b"504 5.5.4 only AUTH PLAIN with an initial response\r\n",
            },
            "MAIL" => match path_after(arg, "FROM:") {
                Some(p) => {
                    mail_from = Some(p);
                    rcpt_to.clear();
                    b"250 2.1.0 ok\r\n"
                }
                None => b"501 5.5.4 syntax: MAIL FROM:<address>\r\n",
            },
            "RCPT" => match (mail_from.is_some(), path_after(arg, "TO:")) {
                (false, _) => b"503 5.5.1 MAIL first\r\n",
                (true, Some(p)) => {
                    rcpt_to.push(p);
                    b"250 2.1.5 ok\r\n"
                }
                (true, None) => b"501 5.5.4 syntax: RCPT TO:<address>\r\n",
            },
            "DATA" if rcpt_to.is_empty() => b"503 5.5.1 RCPT first\r\n",
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let data = read_data(&mut read).await?;
                let reply: &[u8] = match mode {
                    Mode::Accept => {
                        let message = Received {
                            helo: helo.clone(),
                            auth: auth.clone(),
                            mail_from: mail_from.take().unwrap_or_default(),
                            rcpt_to: std::mem::take(&mut rcpt_to),
                            data,
                        };
                        tx.send_modify(|all| all.push(message));
                        b"250 2.0.0 queued\r\n"
                    }
                    Mode::RefuseData => b"451 4.3.0 try again later\r\n",
                };
                mail_from = None;
                rcpt_to.clear();
                reply
            }
            "RSET" => {
                mail_from = None;
                rcpt_to.clear();
                b"250 2.0.0 ok\r\n"
            }
            "NOOP" => b"250 2.0.0 ok\r\n",
            "QUIT" => {
                write.write_all(b"221 2.0.0 bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 5.5.2 command not recognised\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// Reads DATA up to the lone dot, undoing dot-stuffing: a line the client
/// began with an extra "." has it removed (RFC 5321, 4.5.2).
async fn read_data<R: AsyncBufReadExt + Unpin>(read: &mut R) -> std::io::Result<String> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if read.read_until(b'\n', &mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == b".\r\n" || line == b".\n" {
            break;
        }
        let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
        if data.len() + unstuffed.len() > MAX_DATA {
            return Err(std::io::ErrorKind::InvalidData.into());
        }
        data.extend_from_slice(unstuffed);
    }
    Ok(String::from_utf8_lossy(&data).into_owned())
}

/// `<address>` after `FROM:` or `TO:`, ignoring any parameters after it.
fn path_after(arg: &str, keyword: &str) -> Option<String> {
    let rest = arg.get(..keyword.len())?;
    if !rest.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = arg[keyword.len()..].trim_start();
    let inner = rest.strip_prefix('<')?;
    let end = inner.find('>')?;
    Some(inner[..end].to_owned())
}

/// AUTH PLAIN's initial response: base64 of `authzid NUL user NUL password`.
fn parse_plain(initial: &str) -> Option<(String, String)> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(initial.trim())
        .ok()?;
    let text = String::from_utf8(raw).ok()?;
    let mut parts = text.split('\0');
    let _authzid = parts.next()?;
    Some((parts.next()?.to_owned(), parts.next()?.to_owned()))
}

fn base64_decode(text: &str) -> Vec<u8> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .expect("valid base64")
}

/// Quoted-printable (RFC 2045, 6.7): `=XX` is a byte, `=` at a line's end
/// joins it to the next.
fn quoted_printable_decode(text: &str) -> Vec<u8> {
    let bytes = text.replace("=\r\n", "").into_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'=', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Decodes RFC 2047 encoded words in a header value; the whitespace
/// between two adjacent encoded words is dropped, as the RFC says.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut bytes = Vec::new();
    for token in value.split_whitespace() {
        let word = token
            .strip_prefix("=?")
            .and_then(|t| t.strip_suffix("?="))
            .and_then(|t| {
                let mut parts = t.splitn(3, '?');
                Some((parts.next()?, parts.next()?, parts.next()?))
            });
        match word {
            Some((_charset, enc, text)) if enc.eq_ignore_ascii_case("b") => {
                bytes.extend(base64_decode(text));
            }
            Some((_charset, enc, text)) if enc.eq_ignore_ascii_case("q") => {
                bytes.extend(quoted_printable_decode(&text.replace('_', " ")));
            }
            _ => {
                if !bytes.is_empty() {
                    out.push_str(&String::from_utf8_lossy(&std::mem::take(&mut bytes)));
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(token);
            }
        }
    }
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_the_encodings_mailers_use() {
        assert_eq!(
            quoted_printable_decode("caf=C3=A9 =\r\nau lait"),
            "café au lait".as_bytes()
        );
        assert_eq!(
            decode_words("=?utf-8?b?2KPZg9mR2K8=?= =?utf-8?b?INio2LHZitiv2YM=?="),
            "أكّد بريدك"
        );
        assert_eq!(decode_words("Plain words"), "Plain words");
        assert_eq!(decode_words("=?utf-8?q?caf=C3=A9_noir?="), "café noir");
        assert_eq!(
            path_after("FROM:<a@example.org> BODY=8BITMIME", "FROM:"),
            Some("a@example.org".into())
        );
    }
}
