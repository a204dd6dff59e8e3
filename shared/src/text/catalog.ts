/**
 * The message catalogue: every user-facing string in Vietnamese (shown first) and English (shown second).
 * Message ids are type-checked, and so are the `{name}` placeholders each message needs.
 */

import type { ErrorCode } from '../contracts/errors.ts';
import type { LocalizedText } from '../domain/config.ts';
import type { CounterStatus, TicketStatus } from '../domain/state.ts';

/** A UI language. Vietnamese is always shown first; English is the second line. */
export type Locale = 'vi' | 'en';

/** The locales, in the order a screen shows them. */
export const LOCALES = ['vi', 'en'] as const satisfies readonly Locale[];

/**
 * Every message, keyed by id. Ids are grouped by prefix: `error.<ErrorCode>` for the protocol's error
 * codes, `ticketStatus.*`, `counterState.*`, `satisfaction.*` (the default scale, best first),
 * `priorityGroup.*` (the default groups) and `call.*` for announcements.
 */
export const messages = {
  'error.VALIDATION_FAILED': {
    vi: 'Thông tin gửi lên chưa hợp lệ. Vui lòng kiểm tra lại.',
    en: 'Some of the information is not valid. Please check it and try again.',
  },
  'error.UNAUTHORIZED': {
    vi: 'Thiết bị hoặc tài khoản chưa được xác thực. Vui lòng đăng nhập hoặc ghép nối lại thiết bị.',
    en: 'This device or account is not authenticated. Please sign in or pair the device again.',
  },
  'error.FORBIDDEN': {
    vi: 'Thiết bị hoặc tài khoản này không được phép thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  },
  'error.COUNTER_NOT_ALLOWED': {
    vi: 'Cán bộ không được phân công làm việc tại quầy này. Vui lòng đăng nhập tại quầy được phân công hoặc liên hệ cán bộ quản lý.',
    en: 'This clerk is not assigned to this counter. Please sign in at an assigned counter or ask the manager.',
  },
  'error.PROTOCOL_MISMATCH': {
    vi: 'Phiên bản ứng dụng không khớp với máy chủ. Vui lòng tải lại trang hoặc cập nhật ứng dụng.',
    en: 'This app version does not match the server. Please reload the page or update the app.',
  },
  'error.NOT_SIGNED_IN': {
    vi: 'Chưa đăng nhập. Vui lòng đăng nhập để tiếp tục.',
    en: 'You are not signed in. Please sign in to continue.',
  },
  'error.NOT_FOUND': {
    vi: 'Không tìm thấy thông tin được yêu cầu.',
    en: 'The requested item was not found.',
  },
  'error.INVALID_STATE': {
    vi: 'Không thể thực hiện thao tác này lúc này. Vui lòng tải lại và thử lại.',
    en: 'This cannot be done right now. Please refresh and try again.',
  },
  'error.SERVICE_CLOSED': {
    vi: 'Dịch vụ này hiện ngoài giờ tiếp nhận.',
    en: 'This service is outside its opening hours.',
  },
  'error.SERVICE_INACTIVE': {
    vi: 'Dịch vụ này đang tạm ngừng tiếp nhận.',
    en: 'This service is currently unavailable.',
  },
  'error.QUOTA_REACHED': {
    vi: 'Dịch vụ này đã hết số trong ngày hôm nay.',
    en: "This service has issued all of today's tickets.",
  },
  'error.QUEUE_EMPTY': {
    vi: 'Hiện không có ai đang chờ.',
    en: 'No one is waiting.',
  },
  'error.RECALL_LIMIT': {
    vi: 'Số này đã được gọi lại đủ số lần cho phép.',
    en: 'This ticket has already been called again the maximum number of times.',
  },
  'error.GRACE_EXPIRED': {
    vi: 'Đã quá thời gian chờ cho phép. Vui lòng lấy số mới.',
    en: 'The time allowed to return has passed. Please take a new ticket.',
  },
  'error.COUNTER_CLOSED': {
    vi: 'Quầy này đang đóng.',
    en: 'This counter is closed.',
  },
  'error.COUNTER_BUSY': {
    vi: 'Quầy này đang bận. Vui lòng hoàn tất lượt hiện tại hoặc chọn quầy khác.',
    en: 'This counter is busy. Please finish the current ticket or choose another counter.',
  },
  'error.NOT_SERVED': {
    vi: 'Quầy được chọn không phục vụ dịch vụ này. Vui lòng chọn quầy khác.',
    en: 'The chosen counter does not serve this service. Please choose another counter.',
  },
  'error.RATE_LIMITED': {
    vi: 'Thao tác quá nhanh. Vui lòng đợi một chút rồi thử lại.',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  'error.PAYLOAD_TOO_LARGE': {
    vi: 'Dữ liệu gửi lên quá lớn.',
    en: 'The data sent is too large.',
  },
  'error.ALREADY_RATED': {
    vi: 'Lượt phục vụ này đã được đánh giá. Xin cảm ơn!',
    en: 'This visit has already been rated. Thank you!',
  },
  'error.BAD_CREDENTIALS': {
    vi: 'Tên đăng nhập hoặc mã PIN không đúng.',
    en: 'The user name or PIN is incorrect.',
  },
  'error.LOCKED_OUT': {
    vi: 'Đã nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
    en: 'Too many failed attempts. Please try again in a few minutes.',
  },
  'error.PRINTER_UNAVAILABLE': {
    vi: 'Máy in số đang gặp sự cố. Vui lòng liên hệ cán bộ hướng dẫn.',
    en: 'The ticket printer is not working. Please ask a staff member for help.',
  },
  // Idempotency (issue #15).
  'error.REQUEST_ID_REUSED': {
    vi: 'Yêu cầu này trùng mã với một yêu cầu khác nên không được thực hiện. Vui lòng thử lại.',
    en: 'This request reused the id of a different request, so it was not carried out. Please try again.',
  },
  'error.INTERNAL': {
    vi: 'Hệ thống gặp lỗi. Vui lòng thử lại hoặc liên hệ cán bộ hướng dẫn.',
    en: 'Something went wrong. Please try again or ask a staff member for help.',
  },
  // ── credentials (issue 15, first start): weak PINs and passwords, PIN change at first sign-in ──
  'error.WEAK_PIN': {
    vi: 'Mã PIN quá dễ đoán. Vui lòng chọn mã PIN khác.',
    en: 'This PIN is too easy to guess. Please choose another PIN.',
  },
  'error.WEAK_PASSWORD': {
    vi: 'Mật khẩu quá dễ đoán. Vui lòng chọn mật khẩu khác.',
    en: 'This password is too easy to guess. Please choose another password.',
  },
  'error.PIN_CHANGE_REQUIRED': {
    vi: 'Mã PIN này do cán bộ quản lý đặt. Vui lòng đặt mã PIN mới của riêng mình.',
    en: 'This PIN was set by the manager. Please choose your own new PIN.',
  },
  'credential.pin.format': {
    vi: 'Mã PIN gồm 4 đến 8 chữ số.',
    en: 'A PIN is 4 to 8 digits.',
  },
  'credential.pin.repeated': {
    vi: 'Mã PIN không được là một chữ số lặp lại (như 0000).',
    en: 'A PIN must not be one digit repeated (like 0000).',
  },
  'credential.pin.sequence': {
    vi: 'Mã PIN không được là dãy số liên tiếp (như 1234, 9876).',
    en: 'A PIN must not be a run of digits (like 1234 or 9876).',
  },
  'credential.pin.common': {
    vi: 'Mã PIN này quá phổ biến (như 1212, 2580, năm sinh). Vui lòng chọn mã khác.',
    en: 'This PIN is too common (like 1212, 2580 or a year). Please choose another.',
  },
  'credential.pin.same': {
    vi: 'Mã PIN mới cần khác mã PIN hiện tại.',
    en: 'The new PIN must differ from the current one.',
  },
  'credential.password.too-short': {
    vi: 'Mật khẩu cần ít nhất {min} ký tự.',
    en: 'The password needs at least {min} characters.',
  },
  'credential.password.too-long': {
    vi: 'Mật khẩu dài tối đa {max} ký tự.',
    en: 'The password may have at most {max} characters.',
  },
  'credential.password.common': {
    vi: 'Mật khẩu này quá phổ biến hoặc dễ đoán (như 12345678, matkhau123). Vui lòng chọn mật khẩu khác.',
    en: 'This password is too common or easy to guess (like 12345678 or password123). Please choose another.',
  },
  'credential.password.like-username': {
    vi: 'Mật khẩu không được chứa tên đăng nhập.',
    en: 'The password must not contain the username.',
  },
  'credential.password.same-as-current': {
    vi: 'Mật khẩu mới cần khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },

  'ticketStatus.waiting': { vi: 'Đang chờ', en: 'Waiting' },
  'ticketStatus.called': { vi: 'Đã gọi', en: 'Called' },
  'ticketStatus.serving': { vi: 'Đang phục vụ', en: 'Being served' },
  'ticketStatus.done': { vi: 'Hoàn thành', en: 'Done' },
  'ticketStatus.no_show': { vi: 'Vắng mặt', en: 'No-show' },
  'ticketStatus.cancelled': { vi: 'Đã hủy', en: 'Cancelled' },
  'ticketStatus.expired': { vi: 'Hết hạn', en: 'Expired' },

  'counterState.open': { vi: 'Đang mở', en: 'Open' },
  'counterState.paused': { vi: 'Tạm dừng', en: 'Paused' },
  'counterState.closed': { vi: 'Đã đóng', en: 'Closed' },

  'satisfaction.very_satisfied': { vi: 'Rất hài lòng', en: 'Very satisfied' },
  'satisfaction.satisfied': { vi: 'Hài lòng', en: 'Satisfied' },
  'satisfaction.neutral': { vi: 'Bình thường', en: 'Neutral' },
  'satisfaction.dissatisfied': { vi: 'Không hài lòng', en: 'Dissatisfied' },

  'priorityGroup.elderly': { vi: 'Người cao tuổi (từ 60 tuổi)', en: 'Older people (60 and over)' },
  'priorityGroup.disabled': { vi: 'Người khuyết tật', en: 'People with disabilities' },
  'priorityGroup.pregnant': { vi: 'Phụ nữ mang thai', en: 'Pregnant women' },
  'priorityGroup.meritorious': {
    vi: 'Người có công với cách mạng',
    en: 'People with meritorious service to the revolution',
  },
  'priorityGroup.young_child': { vi: 'Người đi cùng trẻ em dưới 6 tuổi', en: 'With a child under 6' },

  'call.announcement': {
    vi: 'Mời công dân có số thứ tự {ticket} đến quầy số {counter}',
    en: 'Ticket {ticket}, please go to counter {counter}',
  },

  // every app — a screen that failed to draw (client/src/error-boundary.tsx)
  'app.error.title': { vi: 'Xin lỗi, màn hình gặp sự cố', en: 'Sorry, this screen ran into a problem' },
  'app.error.reloading': {
    vi: 'Màn hình sẽ tự tải lại sau {seconds} giây.',
    en: 'It reloads itself in {seconds} s.',
  },
  'app.error.stopped': {
    vi: 'Màn hình đã tự tải lại nhiều lần mà vẫn gặp sự cố. Vui lòng báo cán bộ quản lý.',
    en: 'The screen reloaded several times and still fails. Please tell the hall manager.',
  },
  'app.error.reload': { vi: 'Tải lại ngay', en: 'Reload now' },

  // apps/counter — pairing (shared by the clerk terminal and the feedback tablet)
  'counter.pairing.title': { vi: 'Nhập mã ghép nối', en: 'Enter the pairing code' },
  'counter.pairing.terminalHint': {
    vi: 'Máy này sẽ trở thành máy tính của quầy. Cán bộ quản lý cấp mã gồm 6 chữ số cho quầy.',
    en: "This device becomes a counter terminal. The hall manager gives you the counter's six-digit code.",
  },
  'counter.pairing.feedbackHint': {
    vi: 'Máy này sẽ trở thành máy đánh giá mức độ hài lòng của một quầy. Cán bộ quản lý cấp mã gồm 6 chữ số.',
    en: "This device becomes a counter's satisfaction tablet. The hall manager gives you a six-digit code.",
  },
  'counter.pairing.code': { vi: 'Mã ghép nối (6 chữ số)', en: 'Pairing code (6 digits)' },
  'counter.pairing.submit': { vi: 'Ghép nối', en: 'Pair' },
  'counter.pairing.working': { vi: 'Đang ghép nối…', en: 'Pairing…' },
  'counter.pairing.badCode': {
    vi: 'Mã ghép nối không đúng, đã dùng hoặc đã hết hạn. Vui lòng xin mã mới.',
    en: 'The pairing code is wrong, used or expired. Please ask for a new one.',
  },
  'counter.pairing.unreachable': {
    vi: 'Không kết nối được máy chủ của Trung tâm. Vui lòng kiểm tra mạng rồi thử lại.',
    en: 'The hall server cannot be reached. Please check the network and try again.',
  },
  'counter.pairing.wrongKind': {
    vi: 'Mã này không dành cho loại thiết bị này. Vui lòng xin mã cho {device}.',
    en: 'This code is for another kind of device. Please ask for a code for {device}.',
  },
  'counter.pairing.revoked': {
    vi: 'Thiết bị đã bị thu hồi quyền kết nối. Vui lòng ghép nối lại.',
    en: 'This device was unpaired by the manager. Please pair it again.',
  },
  'counter.pairing.deviceTerminal': { vi: 'máy tính quầy', en: 'a counter terminal' },
  'counter.pairing.deviceFeedback': { vi: 'máy đánh giá tại quầy', en: 'a counter feedback tablet' },

  // apps/counter — connection
  'counter.connection.online': { vi: 'Đã kết nối', en: 'Connected' },
  'counter.connection.connecting': { vi: 'Đang kết nối…', en: 'Connecting…' },
  'counter.connection.offline': { vi: 'Mất kết nối', en: 'Disconnected' },
  'counter.connection.offlineBanner': {
    vi: 'Mất kết nối với máy chủ. Các thao tác tạm khóa; màn hình tự cập nhật khi kết nối lại.',
    en: 'Connection to the server lost. Actions are locked; the screen updates itself when it reconnects.',
  },
  'counter.connection.reload': { vi: 'Tải lại trang', en: 'Reload the page' },

  // apps/counter — clerk sign-in and session
  'counter.signIn.title': { vi: 'Đăng nhập cán bộ', en: 'Clerk sign-in' },
  // ── the clerk's own PIN at the first sign-in after the manager set one (issue 15) ──
  'counter.pinChange.title': { vi: 'Đặt mã PIN mới', en: 'Choose a new PIN' },
  'counter.pinChange.intro': {
    vi: 'Mã PIN của tài khoản {username} do cán bộ quản lý đặt. Vui lòng đặt mã PIN mới của riêng mình để tiếp tục.',
    en: 'The PIN of {username} was set by the manager. Choose your own new PIN to continue.',
  },
  'counter.pinChange.newPin': { vi: 'Mã PIN mới', en: 'New PIN' },
  'counter.pinChange.repeat': { vi: 'Nhập lại mã PIN mới', en: 'Repeat the new PIN' },
  'counter.pinChange.rules': {
    vi: '4 đến 8 chữ số; không dùng dãy liên tiếp (1234), lặp lại (0000, 1212) hay năm sinh.',
    en: '4 to 8 digits; not a run (1234), a repeat (0000, 1212) or a year.',
  },
  'counter.pinChange.mismatch': { vi: 'Hai mã PIN mới không khớp.', en: 'The two new PINs differ.' },
  'counter.pinChange.submit': { vi: 'Lưu mã PIN mới và đăng nhập', en: 'Save the new PIN and sign in' },
  'counter.pinChange.back': { vi: 'Quay lại', en: 'Back' },
  'counter.signIn.username': { vi: 'Tên đăng nhập', en: 'User name' },
  'counter.signIn.pin': { vi: 'Mã PIN', en: 'PIN' },
  'counter.signIn.submit': { vi: 'Đăng nhập', en: 'Sign in' },
  'counter.signIn.working': { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  'counter.signIn.takeover': {
    vi: 'Cán bộ {name} đang đăng nhập tại quầy này trên máy khác. Đăng nhập ở đây sẽ chuyển phiên làm việc sang máy này.',
    en: 'Clerk {name} is signed in to this counter on another terminal. Signing in here moves the session to this terminal.',
  },
  'counter.session.takeover': {
    vi: 'Phiên làm việc đã kết thúc: có người vừa đăng nhập vào quầy này trên một máy khác.',
    en: 'Your session ended: someone signed in to this counter on another terminal.',
  },
  'counter.session.moved': {
    vi: 'Phiên làm việc đã kết thúc: tài khoản này vừa đăng nhập tại một quầy khác.',
    en: 'Your session ended: your account signed in at another counter.',
  },
  'counter.session.idle': {
    vi: 'Đã tự động đăng xuất sau {minutes} phút không thao tác.',
    en: 'Signed out automatically after {minutes} minutes without activity.',
  },
  'counter.session.signedOut': { vi: 'Đã đăng xuất.', en: 'Signed out.' },
  'counter.session.dismiss': { vi: 'Đã hiểu', en: 'OK' },

  // apps/counter — header
  'counter.header.clerk': { vi: 'Cán bộ: {name}', en: 'Clerk: {name}' },
  'counter.header.signOut': { vi: 'Đăng xuất', en: 'Sign out' },
  'counter.header.signOutBusy': {
    vi: 'Hoàn thành, chuyển hoặc đánh dấu vắng mặt số hiện tại trước khi đăng xuất.',
    en: 'Complete, transfer or mark the current ticket absent before signing out.',
  },
  'counter.header.language': { vi: 'English', en: 'Tiếng Việt' },

  // apps/counter — the current ticket
  'counter.current.title': { vi: 'Số đang phục vụ', en: 'Current ticket' },
  'counter.current.none': { vi: 'Chưa có số nào tại quầy.', en: 'No ticket at this counter.' },
  'counter.current.noneHint': {
    vi: 'Nhấn “Gọi số tiếp theo” (phím 1) để mời công dân tiếp theo.',
    en: 'Press “Call next” (key 1) to call the next visitor.',
  },
  'counter.current.waited': { vi: 'Đã chờ', en: 'Waited' },
  'counter.current.served': { vi: 'Đang phục vụ', en: 'Serving for' },
  'counter.current.notStarted': { vi: 'Chưa bắt đầu', en: 'Not started' },
  'counter.current.calls': { vi: 'Số lần gọi', en: 'Times called' },
  'counter.current.outOfOrder': { vi: 'Gọi ngoài thứ tự', en: 'Called out of order' },
  'counter.current.transferred': { vi: 'Đã chuyển {count} lần', en: 'Transferred {count}×' },
  'counter.current.procedure': { vi: 'Thủ tục: {name}', en: 'Procedure: {name}' },
  'counter.current.transferFrom': { vi: 'Chuyển từ quầy {counter}', en: 'Sent from counter {counter}' },
  'counter.current.transferNote': { vi: 'Ghi chú khi chuyển: “{note}”', en: 'Transfer note: “{note}”' },
  'counter.current.paused': { vi: 'Quầy đang tạm dừng: {reason}', en: 'Counter paused: {reason}' },
  'counter.current.closed': {
    vi: 'Quầy đang đóng. Nhấn “Tiếp tục” (phím 8) để mở quầy.',
    en: 'The counter is closed. Press “Resume” (key 8) to open it.',
  },

  // apps/counter — actions
  'counter.action.group': { vi: 'Thao tác', en: 'Actions' },
  'counter.action.next': { vi: 'Gọi số tiếp theo', en: 'Call next' },
  'counter.action.recall': { vi: 'Gọi lại', en: 'Recall' },
  'counter.action.start': { vi: 'Bắt đầu phục vụ', en: 'Start serving' },
  'counter.action.complete': { vi: 'Hoàn thành', en: 'Complete' },
  'counter.action.noShow': { vi: 'Vắng mặt', en: 'No-show' },
  'counter.action.transfer': { vi: 'Chuyển', en: 'Transfer' },
  'counter.action.callSpecific': { vi: 'Gọi số cụ thể', en: 'Call a ticket' },
  'counter.action.pause': { vi: 'Tạm dừng', en: 'Pause' },
  'counter.action.resume': { vi: 'Tiếp tục', en: 'Resume' },
  'counter.action.key': { vi: 'Phím {key}', en: 'Key {key}' },
  'counter.action.recallCount': { vi: 'Đã gọi lại {count}/{limit}', en: 'Recalled {count}/{limit}' },
  'counter.action.recallHint': {
    vi: 'Gọi lại tối đa {limit} lần; gọi lại thêm một lần nữa sẽ tự động đánh dấu vắng mặt.',
    en: 'Up to {limit} recalls; one more recall marks the ticket a no-show automatically.',
  },
  'counter.action.recallMarksNoShow': { vi: 'Lần sau: vắng mặt', en: 'Next: no-show' },
  'counter.action.nextCompletes': {
    vi: 'Hoàn thành số đang phục vụ rồi gọi số tiếp theo.',
    en: 'Completes the current ticket, then calls the next one.',
  },
  'counter.action.nextBlocked': {
    vi: 'Số vừa gọi chưa được phục vụ: bắt đầu phục vụ, đánh dấu vắng mặt hoặc chuyển trước.',
    en: 'The called ticket has not been served: start, mark absent or transfer it first.',
  },
  'counter.action.working': { vi: 'Đang thực hiện…', en: 'Working…' },

  'counter.shortcut.paused': {
    vi: 'Quầy đang tạm dừng. Nhấn “Tiếp tục” (phím 8) để mở lại quầy rồi gọi số.',
    en: 'The counter is paused. Press “Resume” (key 8) to reopen it, then call.',
  },
  'counter.shortcut.closed': {
    vi: 'Quầy đang đóng. Nhấn “Tiếp tục” (phím 8) để mở quầy rồi gọi số.',
    en: 'The counter is closed. Press “Resume” (key 8) to open it, then call.',
  },
  'counter.shortcut.noTicket': {
    vi: 'Chưa có số nào tại quầy. Nhấn “Gọi số tiếp theo” (phím 1) trước.',
    en: 'No ticket at this counter. Press “Call next” (key 1) first.',
  },
  'counter.shortcut.alreadyServing': {
    vi: 'Số hiện tại đang được phục vụ: chỉ có thể hoàn thành hoặc chuyển.',
    en: 'The current ticket is being served: it can only be completed or transferred.',
  },

  // apps/counter — confirmations
  'counter.confirm.noShow': {
    vi: 'Đánh dấu số {ticket} vắng mặt?',
    en: 'Mark ticket {ticket} as a no-show?',
  },
  'counter.confirm.recallLimit': {
    vi: 'Số {ticket} đã được gọi lại {limit} lần. Gọi lại nữa sẽ đánh dấu vắng mặt. Tiếp tục?',
    en: 'Ticket {ticket} was already recalled {limit} times. Recalling again marks it a no-show. Go ahead?',
  },
  'counter.confirm.signOut': { vi: 'Đăng xuất khỏi quầy này?', en: 'Sign out of this counter?' },
  'counter.confirm.yes': { vi: 'Đồng ý', en: 'Confirm' },
  'counter.confirm.cancel': { vi: 'Hủy', en: 'Cancel' },

  // apps/counter — what an action did
  'counter.done.called': { vi: 'Đã gọi số {ticket}.', en: 'Called {ticket}.' },
  'counter.done.recalled': { vi: 'Đã gọi lại số {ticket}.', en: 'Recalled {ticket}.' },
  'counter.done.started': { vi: 'Bắt đầu phục vụ số {ticket}.', en: 'Serving {ticket}.' },
  'counter.done.completed': { vi: 'Đã hoàn thành số {ticket}.', en: 'Completed {ticket}.' },
  'counter.done.noShow': {
    vi: 'Số {ticket} được đánh dấu vắng mặt.',
    en: 'Ticket {ticket} marked as a no-show.',
  },
  'counter.done.autoNoShow': {
    vi: 'Số {ticket} đã quá số lần gọi lại và được đánh dấu vắng mặt.',
    en: 'Ticket {ticket} reached the recall limit and was marked as a no-show.',
  },
  'counter.done.transferred': {
    vi: 'Đã chuyển số {ticket} đến {target}.',
    en: 'Transferred {ticket} to {target}.',
  },
  'counter.done.paused': { vi: 'Quầy đã tạm dừng.', en: 'The counter is paused.' },
  'counter.done.resumed': { vi: 'Quầy đã mở lại.', en: 'The counter is open again.' },
  'counter.done.queueEmpty': {
    vi: 'Đã hoàn thành số {ticket}. Hiện không có ai đang chờ.',
    en: 'Completed {ticket}. No one is waiting.',
  },
  'counter.message.dismiss': { vi: 'Đóng', en: 'Close' },

  // apps/counter — transfer dialog
  'counter.transfer.title': { vi: 'Chuyển số {ticket}', en: 'Transfer ticket {ticket}' },
  'counter.transfer.toService': { vi: 'Chuyển sang dịch vụ', en: 'To service' },
  'counter.transfer.keepService': { vi: 'Giữ dịch vụ hiện tại', en: 'Keep the current service' },
  'counter.transfer.toCounter': { vi: 'Chuyển đến quầy', en: 'To counter' },
  'counter.transfer.anyCounter': {
    vi: 'Quầy bất kỳ phục vụ dịch vụ này',
    en: 'Any counter serving the service',
  },
  'counter.transfer.note': { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  'counter.transfer.submit': { vi: 'Chuyển số', en: 'Transfer' },
  'counter.transfer.services': { vi: 'Phục vụ: {services}', en: 'Serves: {services}' },
  'counter.transfer.refusedClosed': {
    vi: 'Đã đóng: không nhận chuyển',
    en: 'Closed: cannot receive a ticket',
  },
  'counter.transfer.refusedNotServing': {
    vi: 'Không phục vụ dịch vụ này',
    en: 'Does not serve this service',
  },
  'counter.transfer.warnPaused': {
    vi: 'Đang tạm dừng: công dân sẽ chờ đến khi quầy mở lại',
    en: 'Paused: the visitor waits until it reopens',
  },
  'counter.transfer.warnNoneOpen': {
    vi: 'Hiện chưa có quầy nào đang mở phục vụ dịch vụ này; công dân sẽ chờ đến khi có quầy mở.',
    en: 'No counter serving this service is open now; the visitor waits until one opens.',
  },
  'counter.transfer.refusedNoCounter': {
    vi: 'Chưa có quầy nào phục vụ dịch vụ này. Vui lòng chọn dịch vụ khác.',
    en: 'No counter serves this service. Please choose another service.',
  },
  'counter.transfer.needTarget': {
    vi: 'Chọn dịch vụ hoặc quầy cần chuyển đến.',
    en: 'Choose a service or a counter to transfer to.',
  },

  // apps/counter — call a specific ticket
  'counter.callSpecific.title': { vi: 'Gọi số cụ thể', en: 'Call a specific ticket' },
  'counter.callSpecific.ticket': { vi: 'Số cần gọi', en: 'Ticket to call' },
  'counter.callSpecific.reason': { vi: 'Lý do (bắt buộc)', en: 'Reason (required)' },
  'counter.callSpecific.reasonReturning': {
    vi: 'Công dân quay lại bổ sung hồ sơ',
    en: 'Visitor back with missing documents',
  },
  'counter.callSpecific.reasonRelated': {
    vi: 'Hồ sơ liên quan đến số vừa phục vụ',
    en: 'Case related to the previous ticket',
  },
  'counter.callSpecific.reasonManager': {
    vi: 'Theo yêu cầu của cán bộ quản lý',
    en: "At the manager's request",
  },
  'counter.callSpecific.submit': { vi: 'Gọi số này', en: 'Call this ticket' },
  'counter.callSpecific.needReason': { vi: 'Vui lòng nhập lý do gọi số này.', en: 'Please give a reason.' },

  // apps/counter — pause dialog
  'counter.pause.title': { vi: 'Tạm dừng quầy', en: 'Pause the counter' },
  'counter.pause.reason': { vi: 'Lý do tạm dừng', en: 'Reason' },
  'counter.pause.break': { vi: 'Nghỉ giải lao', en: 'Break' },
  'counter.pause.meeting': { vi: 'Họp', en: 'Meeting' },
  'counter.pause.paperwork': { vi: 'Xử lý hồ sơ tồn', en: 'Processing files' },
  'counter.pause.technical': { vi: 'Sự cố kỹ thuật', en: 'Technical problem' },
  'counter.pause.other': { vi: 'Lý do khác', en: 'Other reason' },
  'counter.pause.submit': { vi: 'Tạm dừng quầy', en: 'Pause' },

  // apps/counter — the waiting list
  'counter.waiting.title': { vi: 'Danh sách chờ', en: 'Waiting' },
  'counter.waiting.count': { vi: '{count} người chờ', en: '{count} waiting' },
  'counter.waiting.longest': { vi: 'lâu nhất {duration}', en: 'longest {duration}' },
  'counter.waiting.empty': { vi: 'Không có ai đang chờ.', en: 'No one is waiting.' },
  'counter.waiting.next': { vi: 'Tiếp theo', en: 'Next' },
  'counter.waiting.toThisCounter': { vi: 'Chuyển đến quầy này', en: 'Sent to this counter' },
  'counter.waiting.more': { vi: 'và {count} số khác', en: 'and {count} more' },
  'counter.waiting.callThis': { vi: 'Gọi số {ticket}', en: 'Call {ticket}' },

  // apps/counter — the day at a glance
  'counter.day.title': { vi: 'Hôm nay tại quầy', en: 'Today at this counter' },
  'counter.day.served': { vi: 'Đã phục vụ', en: 'Served' },
  'counter.day.noShows': { vi: 'Vắng mặt', en: 'No-shows' },
  'counter.day.average': { vi: 'Phục vụ trung bình', en: 'Avg. per visit' },

  // apps/counter — durations
  'counter.duration.seconds': { vi: '{seconds} giây', en: '{seconds} s' },
  'counter.duration.minutes': { vi: '{minutes} phút', en: '{minutes} min' },
  'counter.duration.hours': { vi: '{hours} giờ {minutes} phút', en: '{hours} h {minutes} min' },

  // apps/counter — the citizen feedback tablet
  'feedback.idle.title': { vi: 'Kính chào Ông/Bà', en: 'Welcome' },
  'feedback.idle.subtitle': {
    vi: 'Sau khi được phục vụ, Ông/Bà vui lòng đánh giá mức độ hài lòng tại đây.',
    en: 'After your visit, please rate our service here.',
  },
  'feedback.serving.ticket': { vi: 'Số thứ tự', en: 'Ticket' },
  'feedback.serving.clerk': { vi: 'Cán bộ tiếp nhận', en: 'Your clerk' },
  'feedback.ask.title': {
    vi: 'Ông/Bà vui lòng đánh giá mức độ hài lòng về việc giải quyết thủ tục vừa rồi',
    en: 'Please rate how satisfied you are with how your procedure was handled',
  },
  'feedback.ask.ticket': { vi: 'Số thứ tự {ticket}', en: 'Ticket {ticket}' },
  'feedback.reasons.title': {
    vi: 'Ông/Bà vui lòng cho biết lý do (không bắt buộc)',
    en: 'Please tell us why (optional)',
  },
  'feedback.reasons.submit': { vi: 'Gửi đánh giá', en: 'Send' },
  'feedback.reasons.back': { vi: 'Chọn lại', en: 'Back' },
  'feedback.thanks.title': { vi: 'Xin cảm ơn Ông/Bà!', en: 'Thank you!' },
  'feedback.thanks.subtitle': {
    vi: 'Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn.',
    en: 'Your opinion helps us serve you better.',
  },
  'feedback.sending': { vi: 'Đang gửi…', en: 'Sending…' },

  // The kiosk (apps/kiosk): a citizen's touch flow, in plain words an elderly visitor understands.
  'kiosk.language.other': { vi: 'English', en: 'Tiếng Việt' },
  'kiosk.welcome.greeting': { vi: 'Kính chào Ông/Bà', en: 'Welcome' },
  'kiosk.welcome.start': { vi: 'Nhấn vào đây để lấy số thứ tự', en: 'Touch here to take a number' },
  'kiosk.welcome.hint': {
    vi: 'Chọn lĩnh vực và dịch vụ, sau đó nhận phiếu ở khe máy in.',
    en: 'Choose a field and a service, then take your ticket from the printer slot.',
  },
  'kiosk.welcome.hintScreen': {
    vi: 'Chọn lĩnh vực và dịch vụ; số thứ tự và mã QR hiện ngay trên màn hình.',
    en: 'Choose a field and a service; your number and its QR code appear on the screen.',
  },
  'kiosk.unavailable.title': { vi: 'Tạm thời chưa lấy được số', en: 'Tickets are not available right now' },
  'kiosk.unavailable.offline': {
    vi: 'Máy lấy số đang mất kết nối với máy chủ. Vui lòng liên hệ cán bộ hướng dẫn.',
    en: 'The kiosk has lost its connection to the hall server. Please ask a staff member for help.',
  },
  'kiosk.unavailable.connecting': { vi: 'Đang kết nối máy chủ…', en: 'Connecting to the hall server…' },
  'kiosk.unavailable.staff': {
    vi: 'Vui lòng liên hệ cán bộ hướng dẫn.',
    en: 'Please ask a staff member for help.',
  },
  'kiosk.fields.title': { vi: 'Chọn lĩnh vực', en: 'Choose a field' },
  'kiosk.fields.serviceCount': { vi: '{count} dịch vụ', en: '{count} services' },
  'kiosk.services.title': { vi: 'Chọn dịch vụ', en: 'Choose a service' },
  'kiosk.services.waiting': { vi: '{count} người đang chờ', en: '{count} waiting' },
  'kiosk.reason.closed': { vi: 'Ngoài giờ tiếp nhận', en: 'Closed at this time' },
  'kiosk.reason.hoursToday': { vi: 'Giờ tiếp nhận hôm nay: {hours}', en: "Today's hours: {hours}" },
  'kiosk.reason.closedToday': { vi: 'Hôm nay không tiếp nhận', en: 'Not open today' },
  'kiosk.reason.inactive': { vi: 'Tạm ngừng tiếp nhận', en: 'Temporarily unavailable' },
  'kiosk.reason.quota': { vi: 'Đã hết số hôm nay', en: "All of today's numbers are taken" },
  'kiosk.reason.noService': { vi: 'Hiện không có dịch vụ nào nhận hồ sơ', en: 'No service is open now' },
  'kiosk.procedures.title': { vi: 'Chọn thủ tục', en: 'Choose a procedure' },
  'kiosk.procedures.other': { vi: 'Thủ tục khác hoặc chưa rõ', en: 'Another procedure, or not sure' },
  'kiosk.priority.title': { vi: 'Chọn loại số', en: 'Choose your ticket' },
  'kiosk.priority.regular': { vi: 'Lấy số thường', en: 'Regular ticket' },
  'kiosk.priority.regularHint': { vi: 'Dành cho đa số công dân', en: 'For most visitors' },
  'kiosk.priority.heading': { vi: 'Số ưu tiên dành cho', en: 'Priority tickets are for' },
  'kiosk.priority.confirmTitle': { vi: 'Xác nhận lấy số ưu tiên', en: 'Confirm a priority ticket' },
  'kiosk.priority.confirmQuestion': {
    vi: 'Ông/Bà thuộc diện: {group}?',
    en: 'Are you in this group: {group}?',
  },
  'kiosk.priority.confirmNote': {
    vi: 'Cán bộ có thể đề nghị xuất trình giấy tờ chứng minh.',
    en: 'Staff may ask you for proof.',
  },
  'kiosk.priority.confirmYes': { vi: 'Đúng, lấy số ưu tiên', en: 'Yes, take a priority ticket' },
  'kiosk.priority.confirmNo': { vi: 'Không, quay lại', en: 'No, go back' },
  'kiosk.nav.back': { vi: 'Quay lại', en: 'Back' },
  'kiosk.nav.home': { vi: 'Về trang đầu', en: 'Start over' },
  'kiosk.nav.previous': { vi: 'Trang trước', en: 'Previous page' },
  'kiosk.nav.next': { vi: 'Trang sau', en: 'Next page' },
  'kiosk.nav.page': { vi: 'Trang {page}/{pages}', en: 'Page {page} of {pages}' },
  'kiosk.issuing': { vi: 'Đang cấp số, vui lòng chờ…', en: 'Issuing your ticket, please wait…' },
  'kiosk.result.title': { vi: 'Số thứ tự của Ông/Bà', en: 'Your number' },
  'kiosk.result.priority': { vi: 'Ưu tiên: {group}', en: 'Priority: {group}' },
  'kiosk.result.peopleAhead': {
    vi: 'Số người chờ trước: {count}',
    en: 'People ahead of you: {count}',
  },
  'kiosk.result.screenTicket': {
    vi: 'Máy này không có máy in: phiếu hiển thị ngay trên màn hình. Ông/Bà quét mã QR bằng điện thoại để theo dõi lượt.',
    en: 'This machine has no printer: the ticket is shown on this screen. Scan its QR code with your phone to follow your turn.',
  },
  'kiosk.result.followQr': {
    vi: 'Quét mã QR bằng điện thoại để theo dõi lượt của Ông/Bà',
    en: 'Scan this QR code with your phone to follow your turn',
  },
  'kiosk.result.wait': { vi: 'Thời gian chờ dự kiến: {range} phút', en: 'Estimated wait: {range} min' },
  'kiosk.result.noCounter': {
    vi: 'Chưa có quầy nào đang phục vụ dịch vụ này; vui lòng chờ.',
    en: 'No counter is serving this service yet; please wait.',
  },
  'kiosk.result.takeTicket': { vi: 'Vui lòng nhận phiếu', en: 'Please take your ticket' },
  'kiosk.result.printFailed': { vi: 'Không in được phiếu', en: 'The ticket could not be printed' },
  'kiosk.result.noteNumber': {
    vi: 'Số thứ tự của Ông/Bà đã được ghi nhận. Vui lòng ghi lại số ở trên và chờ gọi số.',
    en: 'Your number is recorded. Please write down the number above and wait to be called.',
  },
  'kiosk.result.done': { vi: 'Xong', en: 'Done' },
  'kiosk.result.returning': {
    vi: 'Màn hình tự quay về trang đầu sau {seconds} giây',
    en: 'This screen returns to the start in {seconds} s',
  },
  'kiosk.result.preview': { vi: 'Phiếu in (xem trên màn hình)', en: 'Printed ticket (on-screen preview)' },
  'kiosk.refused.title': { vi: 'Chưa cấp được số', en: 'No ticket was issued' },
  'kiosk.refused.noTicket': {
    vi: 'Chưa có số nào được cấp cho Ông/Bà. Vui lòng thử lại hoặc liên hệ cán bộ hướng dẫn.',
    en: 'No number was issued to you. Please try again or ask a staff member for help.',
  },
  'kiosk.refused.offline': {
    vi: 'Không kết nối được máy chủ của Trung tâm.',
    en: 'The hall server cannot be reached.',
  },
  'kiosk.refused.tryAgain': { vi: 'Thử lại', en: 'Try again' },
  'kiosk.printer.ok': { vi: 'Máy in sẵn sàng.', en: 'The printer is ready.' },
  'kiosk.printer.paper_low': { vi: 'Máy in sắp hết giấy.', en: 'The printer is running low on paper.' },
  'kiosk.printer.paper_out': { vi: 'Máy in đã hết giấy.', en: 'The printer is out of paper.' },
  'kiosk.printer.cover_open': { vi: 'Nắp máy in đang mở.', en: 'The printer cover is open.' },
  'kiosk.printer.offline': { vi: 'Máy in không hoạt động.', en: 'The printer is not working.' },
  'kiosk.printer.no_answer': { vi: 'Máy in không phản hồi.', en: 'The printer does not answer.' },
  'kiosk.pairing.title': { vi: 'Nhập mã ghép nối', en: 'Enter the pairing code' },
  'kiosk.pairing.hint': {
    vi: 'Mã gồm 6 chữ số, do cán bộ quản lý cung cấp.',
    en: 'Six digits, given by the hall manager.',
  },
  'kiosk.pairing.submit': { vi: 'Ghép nối', en: 'Pair' },
  'kiosk.pairing.erase': { vi: 'Xóa', en: 'Delete' },
  'kiosk.pairing.failed': { vi: 'Mã không đúng hoặc đã hết hạn.', en: 'The code is wrong or has expired.' },
  'kiosk.pairing.unreachable': {
    vi: 'Không kết nối được máy chủ. Vui lòng thử lại.',
    en: 'The hall server cannot be reached. Please try again.',
  },
  'kiosk.pairing.revoked': {
    vi: 'Thiết bị này cần được ghép nối lại.',
    en: 'This device must be paired again.',
  },
  'kiosk.pairing.working': { vi: 'Đang ghép nối…', en: 'Pairing…' },
  'kiosk.mismatch': {
    vi: 'Ứng dụng đang được cập nhật, vui lòng chờ…',
    en: 'The app is being updated, please wait…',
  },

  // ── hall display (apps/display) ──
  'display.pair.title': { vi: 'Nhập mã ghép nối', en: 'Enter the pairing code' },
  'display.pair.hint': {
    vi: 'Mã gồm 6 chữ số, do cán bộ quản lý cấp cho màn hình này.',
    en: 'Six digits, given by the hall manager for this display.',
  },
  'display.pair.submit': { vi: 'Ghép nối', en: 'Pair' },
  'display.pair.working': { vi: 'Đang ghép nối…', en: 'Pairing…' },
  'display.pair.wrongKind': {
    vi: 'Mã này dành cho loại thiết bị khác, không phải màn hình hiển thị. Vui lòng xin mã mới.',
    en: 'This code is for another kind of device, not a hall display. Please ask for a new code.',
  },
  'display.pair.revoked': {
    vi: 'Màn hình này chưa được ghép nối hoặc đã bị thu hồi. Vui lòng nhập mã mới.',
    en: 'This display is not paired or was revoked. Please enter a new code.',
  },
  'display.status.connecting': { vi: 'Đang kết nối…', en: 'Connecting…' },
  'display.status.offline': { vi: 'Mất kết nối — đang kết nối lại', en: 'Disconnected — reconnecting' },
  'display.status.outdated': { vi: 'Có thể chưa cập nhật', en: 'May be out of date' },
  'display.status.mismatch': {
    vi: 'Phiên bản màn hình không khớp với máy chủ — đang tải lại…',
    en: 'This display does not match the server version — reloading…',
  },
  'display.call.invite': { vi: 'Mời công dân có số', en: 'Ticket' },
  'display.call.toCounter': { vi: 'đến quầy số', en: 'please go to counter' },
  'display.call.sentence': {
    vi: 'Mời công dân có số {ticket} đến quầy số {counter}',
    en: 'Ticket {ticket}, please go to counter {counter}',
  },
  'display.call.none': { vi: 'Chưa có số nào được gọi', en: 'No ticket has been called yet' },
  // Calls were made today, but none is standing now (served, no-show or transferred): not "none yet".
  'display.call.waitNext': { vi: 'Mời công dân chờ gọi số tiếp theo', en: 'Please wait for the next call' },
  'display.counters.title': { vi: 'Số đang phục vụ tại các quầy', en: 'Now serving at each counter' },
  'display.counters.none': { vi: 'Chưa có quầy nào làm việc', en: 'No counter is open yet' },
  'display.counters.closed': { vi: 'Quầy đang đóng: {numbers}', en: 'Closed counters: {numbers}' },
  'display.recent.title': { vi: 'Số vừa gọi', en: 'Last calls' },
  'display.recent.noShow': { vi: 'Vắng mặt', en: 'No-show' },
  'display.recent.transferred': { vi: 'Đã chuyển', en: 'Transferred' },
  'display.recent.transferredTo': { vi: 'Đã chuyển quầy {counter}', en: 'Sent to counter {counter}' },
  'display.waiting.title': { vi: 'Số người đang chờ', en: 'People waiting' },
  'display.sound.enable': { vi: 'Nhấn để bật âm thanh', en: 'Press to enable sound' },
  'display.sound.hint': {
    vi: 'Trình duyệt cần một lần nhấn trước khi màn hình được phép đọc số.',
    en: 'The browser needs one press before the display may speak the calls.',
  },
  'display.sound.off': { vi: 'Âm thanh đang tắt', en: 'Sound is off' },
  'display.settings.open': { vi: 'Cài đặt', en: 'Settings' },
  'display.settings.title': { vi: 'Cài đặt màn hình', en: 'Display settings' },
  'display.settings.services': {
    vi: 'Dịch vụ hiển thị trên màn hình này',
    en: 'Services shown on this display',
  },
  'display.settings.all': { vi: 'Tất cả dịch vụ', en: 'All services' },
  'display.settings.fromUrl': {
    vi: 'Danh sách dịch vụ đang lấy từ địa chỉ trang (?services=…). Nhấn Lưu để dùng lựa chọn dưới đây.',
    en: 'The service list comes from the page address (?services=…). Press Save to use the choice below.',
  },
  'display.settings.save': { vi: 'Lưu', en: 'Save' },
  'display.settings.close': { vi: 'Đóng', en: 'Close' },
  'display.settings.testSound': { vi: 'Thử âm thanh', en: 'Test the sound' },
  'display.settings.unpair': { vi: 'Hủy ghép nối màn hình này', en: 'Unpair this display' },

  // ── public ticket-status page (/t/<code>) ──
  'status.title': { vi: 'Theo dõi số thứ tự', en: 'Ticket status' },
  'status.loading': { vi: 'Đang tải…', en: 'Loading…' },
  'status.yourNumber': { vi: 'Số thứ tự của Ông/Bà', en: 'Your number' },
  'status.peopleAhead': { vi: 'Số người chờ trước', en: 'People ahead of you' },
  'status.wait': { vi: 'Thời gian chờ dự kiến', en: 'Expected wait' },
  'status.waitRange': { vi: 'khoảng {min}–{max} phút', en: 'about {min}–{max} min' },
  'status.waitUnknown': {
    vi: 'Chưa có quầy nào đang phục vụ dịch vụ này',
    en: 'No counter is serving this service right now',
  },
  'status.calledHeadline': { vi: 'Mời Ông/Bà đến ngay', en: 'Please go now to' },
  'status.counter': { vi: 'Quầy số {counter}', en: 'Counter {counter}' },
  'status.serving': {
    vi: 'Ông/Bà đang được phục vụ tại quầy số {counter}',
    en: 'You are being served at counter {counter}',
  },
  'status.transferredToCounter': {
    vi: 'Số thứ tự của Ông/Bà đã được chuyển đến quầy số {counter}. Vui lòng tiếp tục chờ gọi số.',
    en: 'Your ticket was sent to counter {counter}. Please keep waiting for your call.',
  },
  'status.transferredToService': {
    vi: 'Số thứ tự của Ông/Bà đã được chuyển sang dịch vụ “{service}”. Vui lòng tiếp tục chờ gọi số.',
    en: 'Your ticket was moved to the service “{service}”. Please keep waiting for your call.',
  },
  'status.done': { vi: 'Đã hoàn thành. Xin cảm ơn Ông/Bà!', en: 'Done. Thank you!' },
  'status.noShow': {
    vi: 'Ông/Bà không có mặt khi được gọi số. Nếu vẫn cần làm thủ tục, vui lòng liên hệ cán bộ hướng dẫn tại Trung tâm.',
    en: 'You were not there when called. If you still need the service, please ask the staff at the help desk.',
  },
  'status.cancelled': {
    vi: 'Số thứ tự này đã bị hủy. Nếu vẫn cần làm thủ tục, Ông/Bà vui lòng lấy số mới tại máy lấy số hoặc liên hệ cán bộ hướng dẫn.',
    en: 'This ticket was cancelled. If you still need the service, please take a new ticket at the kiosk or ask the staff.',
  },
  'status.expired': {
    vi: 'Số thứ tự này đã hết hạn (phiếu chỉ có giá trị trong ngày). Vui lòng lấy số mới.',
    en: 'This ticket has expired (tickets are valid for the day only). Please take a new one.',
  },
  'status.notFound': {
    vi: 'Không tìm thấy số thứ tự này. Vui lòng kiểm tra lại mã QR trên phiếu.',
    en: 'This ticket was not found. Please check the QR code on your ticket.',
  },
  'status.alert.arm': { vi: 'Bật chuông và rung khi đến lượt', en: 'Ring and vibrate when it is my turn' },
  'status.alert.armed': {
    vi: 'Điện thoại sẽ đổ chuông và rung khi đến lượt Ông/Bà (giữ trang này mở).',
    en: 'This phone will ring and vibrate when it is your turn (keep this page open).',
  },
  'status.reconnecting': { vi: 'Đang kết nối lại…', en: 'Reconnecting…' },
  'status.updatedAt': { vi: 'Cập nhật lúc {time}', en: 'Updated at {time}' },
  'status.liveNote': {
    vi: 'Trang tự cập nhật. Vui lòng vẫn chú ý loa gọi số.',
    en: 'This page updates itself. Please also listen for the calls.',
  },
  'status.switchLanguage': { vi: 'English', en: 'Tiếng Việt' },
  // ── configuration rules (shared/src/domain/config-rules.ts): the same sentences in the console and in
  // the server's refusal. {what} names the entity ("Dịch vụ “Đất đai”"), built from config.entity.* ──
  'config.entity.hall': { vi: 'Thông tin Trung tâm', en: 'Hall details' },
  'config.entity.field': { vi: 'Lĩnh vực', en: 'Field' },
  'config.entity.service': { vi: 'Dịch vụ', en: 'Service' },
  'config.entity.procedure': { vi: 'Thủ tục', en: 'Procedure' },
  'config.entity.counter': { vi: 'Quầy', en: 'Counter' },
  'config.entity.clerk': { vi: 'Cán bộ', en: 'Clerk' },
  'config.entity.priorityGroup': { vi: 'Nhóm ưu tiên', en: 'Priority group' },
  'config.entity.satisfactionLevel': { vi: 'Mức độ hài lòng', en: 'Satisfaction level' },
  'config.entity.lowRatingReason': { vi: 'Lý do chưa hài lòng', en: 'Reason for a low rating' },
  'config.entity.policy': { vi: 'Quy tắc gọi số', en: 'Calling rules' },
  'config.entity.announcement': { vi: 'Loa gọi số', en: 'Announcements' },
  'config.entity.terminals': { vi: 'Máy tính quầy', en: 'Counter terminals' },
  'config.named': { vi: '{entity} “{name}”', en: '{entity} “{name}”' },
  'config.namedPerson': { vi: '{entity} {name}', en: '{entity} {name}' },
  'config.unnamed': { vi: '{entity} thứ {position} (chưa có tên)', en: '{entity} {position} (no name yet)' },
  'config.field.rolloverHour': { vi: 'giờ bắt đầu ngày mới', en: 'the hour a new day starts' },
  'config.field.firstNumber': { vi: 'số đầu tiên mỗi ngày', en: 'the first number of the day' },
  'config.field.dailyQuota': { vi: 'giới hạn số mỗi ngày', en: 'the daily quota' },
  'config.field.expectedServiceMinutes': {
    vi: 'thời gian phục vụ dự kiến (phút)',
    en: 'the expected service time (minutes)',
  },
  'config.field.counterNumber': { vi: 'số quầy', en: 'the counter number' },
  'config.field.priorityBound': {
    vi: 'số lượt ưu tiên liên tiếp tối đa',
    en: 'the most priority calls in a row',
  },
  'config.field.recallLimit': { vi: 'số lần gọi lại tối đa', en: 'the most recalls' },
  'config.field.noShowGraceMinutes': {
    vi: 'thời gian cho phép quay lại sau khi vắng mặt (phút)',
    en: 'the time a no-show may return (minutes)',
  },
  'config.field.idleSignOutMinutes': {
    vi: 'thời gian tự đăng xuất khi không thao tác (phút)',
    en: 'the idle sign-out time (minutes)',
  },
  'config.field.feedbackIdleSeconds': {
    vi: 'thời gian màn hình đánh giá trở về chờ (giây)',
    en: 'the time the feedback screen waits before it resets (seconds)',
  },
  'config.issue.name-required': {
    vi: '{what}: cần nhập tên tiếng Việt.',
    en: '{what}: a Vietnamese name is required (an empty English name shows the Vietnamese one).',
  },
  'config.issue.username-required': {
    vi: '{what}: cần nhập tên đăng nhập.',
    en: '{what}: a user name is required.',
  },
  'config.issue.duplicate-id': {
    vi: '{what}: mã “{value}” bị trùng với một mục khác.',
    en: '{what}: the code “{value}” is used twice.',
  },
  'config.issue.duplicate-prefix': {
    vi: '{what}: ký hiệu “{value}” đã dùng cho {other}. Mỗi dịch vụ cần một ký hiệu riêng.',
    en: '{what}: the prefix “{value}” is already used by {other}. Each service needs its own.',
  },
  'config.issue.duplicate-counter-number': {
    vi: '{what}: số quầy {value} đã dùng cho {other}.',
    en: '{what}: counter number {value} is already used by {other}.',
  },
  'config.issue.duplicate-username': {
    vi: '{what}: tên đăng nhập “{value}” đã dùng cho {other}.',
    en: '{what}: the user name “{value}” is already used by {other}.',
  },
  'config.issue.duplicate-satisfaction-value': {
    vi: 'Thang đánh giá có hai mức cùng giá trị {value}.',
    en: 'Two satisfaction levels have the value {value}.',
  },
  'config.issue.duplicate-recorded-word': {
    vi: 'Từ tự ghi âm “{value}” có hai lần.',
    en: 'The recorded word “{value}” appears twice.',
  },
  'config.issue.prefix-format': {
    vi: '{what}: ký hiệu “{value}” phải gồm 1–2 chữ cái in hoa (A–Z hoặc Đ).',
    en: '{what}: the prefix “{value}” must be 1–2 capital letters (A–Z or Đ).',
  },
  'config.issue.prefix-unspeakable': {
    vi: '{what}: loa gọi số không đọc được ký hiệu “{value}”.',
    en: '{what}: the announcer cannot say the prefix “{value}”.',
  },
  'config.issue.unknown-field': {
    vi: '{what}: chưa chọn lĩnh vực, hoặc lĩnh vực đã chọn không còn trong cấu hình.',
    en: '{what}: choose a field; the one chosen is not in the configuration.',
  },
  'config.issue.unknown-service': {
    vi: '{what}: phục vụ một dịch vụ không còn trong cấu hình ({value}).',
    en: '{what}: serves a service that is not in the configuration ({value}).',
  },
  'config.issue.time-format': {
    vi: '{what}: giờ “{value}” không hợp lệ. Nhập theo dạng 24 giờ, ví dụ 07:30.',
    en: '{what}: “{value}” is not a time. Use the 24-hour form, e.g. 07:30.',
  },
  'config.issue.window-order': {
    vi: '{what}: khung giờ {from}–{to} kết thúc trước khi bắt đầu.',
    en: '{what}: the opening window {from}–{to} ends before it starts.',
  },
  'config.issue.window-no-weekday': {
    vi: '{what}: khung giờ {from}–{to} chưa chọn ngày nào trong tuần nên không bao giờ mở.',
    en: '{what}: the opening window {from}–{to} has no weekday, so it never opens.',
  },
  'config.issue.quota-negative': {
    vi: '{what}: giới hạn số mỗi ngày không được nhỏ hơn 0.',
    en: '{what}: the daily quota cannot be below 0.',
  },
  'config.issue.quota-zero': {
    vi: '{what}: giới hạn 0 số mỗi ngày, máy lấy số sẽ không cấp số cho dịch vụ này.',
    en: '{what}: a daily quota of 0 means the kiosk issues no tickets for it.',
  },
  'config.issue.out-of-range': {
    vi: '{what}: {field} phải từ {min} đến {max}.',
    en: '{what}: {field} must be from {min} to {max}.',
  },
  'config.issue.out-of-range-whole': {
    vi: '{what}: {field} phải là số nguyên từ {min} đến {max}.',
    en: '{what}: {field} must be a whole number from {min} to {max}.',
  },
  'config.issue.counter-without-service': {
    vi: '{what}: cần chọn ít nhất một dịch vụ để phục vụ.',
    en: '{what}: choose at least one service for it to serve.',
  },
  'config.issue.service-without-counter': {
    vi: '{what}: chưa có quầy nào phục vụ, số đã cấp sẽ không được gọi.',
    en: '{what}: no counter serves it, so its tickets would never be called.',
  },
  'config.issue.unknown-counter': {
    vi: '{what}: được làm việc tại một quầy không còn trong cấu hình ({value}).',
    en: '{what}: may work at a counter that is not in the configuration ({value}).',
  },
  'config.issue.clerk-without-counter': {
    vi: '{what}: cần chọn ít nhất một quầy được làm việc (hoặc chọn “Mọi quầy”), nếu không cán bộ không đăng nhập được.',
    en: '{what}: choose at least one counter to work at (or “Every counter”), or the clerk cannot sign in.',
  },
  'config.issue.clerk-counter-archived': {
    vi: '{what}: {counter} đã lưu trữ, cán bộ không đăng nhập được tại quầy này cho đến khi khôi phục.',
    en: '{what}: {counter} is archived; the clerk cannot sign in there until it is restored.',
  },
  'config.issue.template-unknown-words': {
    vi: 'Câu gọi số có từ chưa có tệp âm thanh: {words}.',
    en: 'The call phrase has words with no voice clip: {words}.',
  },
  'config.issue.template-placeholders': {
    vi: 'Câu gọi số phải giữ chỗ cho số thứ tự và số quầy như mẫu.',
    en: 'The call phrase must keep the ticket and counter placeholders as in the sample.',
  },
  'config.issue.recorded-word-empty': {
    vi: 'Có một từ tự ghi âm bị để trống.',
    en: 'A recorded word is empty.',
  },
  'config.issue.no-satisfied-level': {
    vi: 'Thang đánh giá cần ít nhất một mức được tính là hài lòng.',
    en: 'At least one satisfaction level must count as satisfied.',
  },
  'config.issue.removed-not-archived': {
    vi: '{what}: đã dùng trong Trung tâm nên không xóa được, chỉ lưu trữ (để báo cáo và nhật ký vẫn ghi tên).',
    en: '{what}: it has been in use, so it cannot be deleted, only archived (reports and the audit keep its name).',
  },
  'config.issue.unknown-time-zone': {
    vi: 'Múi giờ “{value}” không tồn tại.',
    en: 'There is no time zone “{value}”.',
  },
  // ── audit sentences (shared/src/text/audit-sentence.ts): {who} is an audit.actor.* phrase ──
  'audit.actor.clerk': { vi: 'Cán bộ {name}', en: 'Clerk {name}' },
  'audit.actor.manager': { vi: 'Cán bộ quản lý {name}', en: 'Manager {name}' },
  'audit.actor.someManager': { vi: 'Cán bộ quản lý', en: 'A manager' },
  'audit.actor.kiosk': { vi: 'Máy lấy số “{name}”', en: 'Kiosk “{name}”' },
  'audit.actor.someKiosk': { vi: 'Máy lấy số', en: 'A kiosk' },
  'audit.actor.device': { vi: 'Thiết bị “{name}”', en: 'Device “{name}”' },
  'audit.actor.system': { vi: 'Hệ thống', en: 'The system' },
  'audit.counterNumberless': { vi: 'quầy {id}', en: 'counter {id}' },
  'audit.day.started': { vi: 'Bắt đầu ngày làm việc {day}.', en: 'Business day {day} started.' },
  'audit.ticket.issued': {
    vi: '{who} cấp số {number}, dịch vụ {service}',
    en: '{who} issued ticket {number} for {service}',
  },
  'audit.priority': { vi: '(ưu tiên: {group})', en: '(priority: {group})' },
  'audit.ticket.called': {
    vi: '{who} gọi số {number} tới {counter}',
    en: '{who} called {number} to {counter}',
  },
  'audit.outOfOrder': { vi: '(gọi ngoài thứ tự)', en: '(out of order)' },
  'audit.outOfOrderBecause': {
    vi: '(gọi ngoài thứ tự, lý do: {reason})',
    en: '(out of order, because: {reason})',
  },
  'audit.ticket.recalled': {
    vi: '{who} gọi lại số {number} tại {counter}',
    en: '{who} called {number} again at {counter}',
  },
  'audit.ticket.started': {
    vi: '{who} bắt đầu phục vụ số {number} tại {counter}',
    en: '{who} started serving {number} at {counter}',
  },
  'audit.ticket.completed': {
    vi: '{who} hoàn thành số {number} tại {counter}',
    en: '{who} finished {number} at {counter}',
  },
  'audit.minutes': { vi: '(phục vụ {minutes} phút)', en: '({minutes} min of service)' },
  'audit.underAMinute': { vi: '(phục vụ dưới 1 phút)', en: '(under a minute of service)' },
  'audit.ticket.no-show': {
    vi: '{who} ghi nhận số {number} vắng mặt tại {counter}',
    en: '{who} marked {number} as a no-show at {counter}',
  },
  'audit.ticket.no-show-automatic': {
    vi: 'Số {number} vắng mặt sau khi được gọi lại đủ số lần tại {counter}',
    en: '{number} became a no-show after the last recall at {counter}',
  },
  'audit.ticket.returned': {
    vi: '{who} đưa số {number} trở lại hàng chờ',
    en: '{who} put {number} back in the queue',
  },
  'audit.ticket.transferred': {
    vi: '{who} chuyển số {number} {from} sang {to}',
    en: '{who} transferred {number} {from} to {to}',
  },
  'audit.fromCounter': { vi: 'từ {counter}', en: 'from {counter}' },
  'audit.toService': { vi: 'dịch vụ {service}', en: 'the service {service}' },
  'audit.note': { vi: '— ghi chú: {note}', en: '— note: {note}' },
  'audit.reason': { vi: '— lý do: {reason}', en: '— reason: {reason}' },
  'audit.reasons': { vi: '— lý do: {reasons}', en: '— reasons: {reasons}' },
  'audit.ticket.cancelled': { vi: '{who} hủy số {number}', en: '{who} cancelled {number}' },
  'audit.ticket.printed': { vi: '{who} in xong phiếu số {number}', en: '{who} printed ticket {number}' },
  'audit.ticket.print-failed': {
    vi: '{who} không in được phiếu số {number}: {failure}',
    en: '{who} could not print ticket {number}: {failure}',
  },
  'audit.counter.opened': { vi: '{who} mở {counter}', en: '{who} opened {counter}' },
  'audit.counter.paused': { vi: '{who} tạm dừng {counter}', en: '{who} paused {counter}' },
  'audit.counter.closed': { vi: '{who} đóng {counter}', en: '{who} closed {counter}' },
  'audit.clerk.signed-in': {
    vi: 'Cán bộ {clerk} đăng nhập tại {counter}',
    en: 'Clerk {clerk} signed in at {counter}',
  },
  'audit.clerk.signed-out': {
    vi: 'Cán bộ {clerk} đăng xuất khỏi {counter}',
    en: 'Clerk {clerk} signed out of {counter}',
  },
  'audit.signOutReason.idle': { vi: '(tự đăng xuất do không thao tác)', en: '(idle)' },
  'audit.signOutReason.takeover': {
    vi: '(cán bộ khác đăng nhập tại quầy này)',
    en: '(another clerk signed in there)',
  },
  'audit.signOutReason.moved': { vi: '(đăng nhập ở quầy khác)', en: '(signed in at another counter)' },
  'audit.signOutReason.revoked': { vi: '(thiết bị bị thu hồi)', en: '(the device was revoked)' },
  'audit.hall.configured': { vi: '{who} thay đổi cấu hình', en: '{who} changed the configuration' },
  'audit.change.added': { vi: 'thêm {what}', en: 'added {what}' },
  'audit.change.changed': { vi: 'sửa {what}', en: 'changed {what}' },
  'audit.change.archived': { vi: 'lưu trữ {what}', en: 'archived {what}' },
  'audit.change.restored': { vi: 'khôi phục {what}', en: 'restored {what}' },
  'audit.change.removed': { vi: 'xóa {what}', en: 'removed {what}' },
  'audit.section.hall': { vi: 'sửa thông tin Trung tâm', en: 'changed the hall details' },
  'audit.section.policy': { vi: 'sửa quy tắc gọi số', en: 'changed the calling rules' },
  'audit.section.satisfaction': { vi: 'sửa thang đánh giá', en: 'changed the rating scale' },
  'audit.section.announcement': { vi: 'sửa cài đặt loa gọi số', en: 'changed the announcements' },
  'audit.section.terminals': { vi: 'sửa thời gian chờ của máy tại quầy', en: 'changed the terminal timings' },
  'audit.feedback.rated': {
    vi: 'Công dân có số {number} đánh giá tại {counter}: {level}',
    en: 'The citizen with {number} rated {counter}: {level}',
  },
  'audit.manager.signed-in': { vi: '{who} đăng nhập', en: '{who} signed in' },
  'audit.manager.signed-out': { vi: '{who} đăng xuất', en: '{who} signed out' },
  'audit.manager.sign-in-refused': {
    vi: 'Đăng nhập sai mật khẩu với tên “{name}”',
    en: 'A sign-in as “{name}” was refused',
  },
  'audit.manager.password-changed': { vi: '{who} đổi mật khẩu', en: '{who} changed their password' },
  'audit.clerk.pin-reset': {
    vi: '{who} đặt lại mã PIN của cán bộ {clerk}',
    en: "{who} reset clerk {clerk}'s PIN",
  },
  'audit.hall.logo-changed': { vi: '{who} thay biểu trưng trên phiếu', en: '{who} changed the ticket logo' },
  'audit.hall.logo-removed': { vi: '{who} bỏ biểu trưng trên phiếu', en: '{who} removed the ticket logo' },
  'audit.hall.voice-clip-saved': {
    vi: '{who} tải lên tệp âm thanh cho “{phrase}”',
    en: '{who} uploaded a voice clip for “{phrase}”',
  },
  'audit.device.pairing-created': {
    vi: '{who} tạo mã ghép nối cho {kind} “{name}”',
    en: '{who} created a pairing code for {kind} “{name}”',
  },
  'audit.device.revoked': { vi: '{who} thu hồi thiết bị “{name}”', en: '{who} revoked the device “{name}”' },
  'admin.audit.details': { vi: 'Chi tiết', en: 'Details' },

  // ── configuration change summary (shared/src/domain/config-summary.ts): the before-save dialog ──
  'config.changeField.name': { vi: 'tên', en: 'name' },
  'config.changeField.title': { vi: 'chức danh', en: 'title' },
  'config.changeField.username': { vi: 'tên đăng nhập', en: 'user name' },
  'config.changeField.fieldId': { vi: 'lĩnh vực', en: 'field' },
  'config.changeField.prefix': { vi: 'ký hiệu', en: 'prefix' },
  'config.changeField.firstNumber': { vi: 'số đầu tiên', en: 'first number' },
  'config.changeField.dailyQuota': { vi: 'giới hạn số mỗi ngày', en: 'daily quota' },
  'config.changeField.openingHours': { vi: 'giờ tiếp nhận', en: 'opening hours' },
  'config.changeField.expectedServiceMinutes': {
    vi: 'thời gian phục vụ dự kiến',
    en: 'expected service time',
  },
  'config.changeField.procedures': { vi: 'thủ tục', en: 'procedures' },
  'config.changeField.isActive': { vi: 'đang hoạt động', en: 'in use' },
  'config.changeField.kioskOrder': { vi: 'thứ tự trên máy lấy số', en: 'kiosk order' },
  'config.changeField.number': { vi: 'số quầy', en: 'counter number' },
  'config.changeField.serviceIds': { vi: 'dịch vụ phục vụ', en: 'services served' },
  'config.changeField.counterIds': { vi: 'quầy được làm việc', en: 'counters to work at' },
  'config.changeField.address': { vi: 'địa chỉ', en: 'address' },
  'config.changeField.phone': { vi: 'số điện thoại', en: 'phone' },
  'config.changeField.timeZone': { vi: 'múi giờ', en: 'time zone' },
  'config.changeField.rolloverHour': { vi: 'giờ bắt đầu ngày mới', en: 'new-day hour' },
  'config.changeField.noticeLine': { vi: 'dòng thông báo', en: 'notice line' },
  'config.changeField.priorityBound': {
    vi: 'số lượt ưu tiên liên tiếp tối đa',
    en: 'priority calls in a row',
  },
  'config.changeField.recallLimit': { vi: 'số lần gọi lại tối đa', en: 'recall limit' },
  'config.changeField.noShowGraceMinutes': {
    vi: 'thời gian cho phép quay lại',
    en: 'no-show grace time',
  },
  'config.changeField.levels': { vi: 'các mức đánh giá', en: 'rating levels' },
  'config.changeField.lowRatingReasons': { vi: 'lý do chưa hài lòng', en: 'low-rating reasons' },
  'config.changeField.template': { vi: 'câu gọi số', en: 'call phrase' },
  'config.changeField.style': { vi: 'cách đọc số', en: 'reading style' },
  'config.changeField.repeat': { vi: 'số lần đọc', en: 'repeats' },
  'config.changeField.volume': { vi: 'âm lượng', en: 'volume' },
  'config.changeField.quietHours': { vi: 'giờ không đọc', en: 'quiet hours' },
  'config.changeField.voice': { vi: 'giọng đọc', en: 'voice' },
  'config.changeField.numberReading': { vi: 'cách đọc số theo vùng', en: 'regional number reading' },
  'config.changeField.customWords': { vi: 'từ tự ghi âm', en: 'recorded words' },
  'config.changeField.idleSignOutMinutes': { vi: 'thời gian tự đăng xuất', en: 'idle sign-out' },
  'config.changeField.feedbackIdleSeconds': {
    vi: 'thời gian màn hình đánh giá trở về chờ',
    en: 'feedback screen reset time',
  },
  'config.summary.kioskAdds': {
    vi: 'Máy lấy số có thêm dịch vụ “{service}”.',
    en: 'The kiosk offers a new service: “{service}”.',
  },
  'config.summary.kioskRemoves': {
    vi: 'Máy lấy số không còn dịch vụ “{service}”.',
    en: 'The kiosk no longer offers “{service}”.',
  },
  'config.summary.serviceRenamed': {
    vi: 'Dịch vụ “{before}” hiển thị với tên mới “{service}”.',
    en: 'The service “{before}” is now shown as “{service}”.',
  },
  'config.summary.prefixChanged': {
    vi: 'Số mới của dịch vụ “{service}” bắt đầu bằng {after} (trước đây {before}); số đã cấp giữ nguyên.',
    en: 'New tickets for “{service}” start with {after} (was {before}); tickets already issued keep theirs.',
  },
  'config.summary.hoursChanged': {
    vi: 'Máy lấy số áp dụng giờ tiếp nhận mới cho dịch vụ “{service}”.',
    en: 'The kiosk uses new opening hours for “{service}”.',
  },
  'config.summary.quotaChanged': {
    vi: 'Dịch vụ “{service}” cấp tối đa {quota} số mỗi ngày.',
    en: '“{service}” issues at most {quota} tickets a day.',
  },
  'config.summary.noQuota': { vi: 'không giới hạn', en: 'unlimited' },
  'config.summary.proceduresChanged': {
    vi: 'Danh sách thủ tục của dịch vụ “{service}” trên máy lấy số thay đổi.',
    en: 'The kiosk lists different procedures for “{service}”.',
  },
  'config.summary.counterOpens': {
    vi: '{counter} bắt đầu hoạt động, phục vụ {services}.',
    en: '{counter} comes into use, serving {services}.',
  },
  'config.summary.counterServes': {
    vi: '{counter} phục vụ thêm dịch vụ “{service}”.',
    en: '{counter} also serves “{service}”.',
  },
  'config.summary.counterStopsServing': {
    vi: '{counter} không còn phục vụ dịch vụ “{service}”.',
    en: '{counter} no longer serves “{service}”.',
  },
  'config.summary.counterRenamed': {
    vi: '{before} hiển thị là {counter} (số {number}).',
    en: '{before} is now shown as {counter} (number {number}).',
  },
  'config.summary.counterCloses': {
    vi: '{counter} ngừng hoạt động: không đăng nhập và gọi số được nữa.',
    en: '{counter} goes out of use: no sign-in and no calls there.',
  },
  'config.summary.clerkMaySignIn': {
    vi: 'Cán bộ {clerk} đăng nhập được tại quầy.',
    en: 'Clerk {clerk} can sign in at the counters.',
  },
  'config.summary.clerkMayNotSignIn': {
    vi: 'Cán bộ {clerk} không đăng nhập được nữa.',
    en: 'Clerk {clerk} can no longer sign in.',
  },
  'config.summary.clerkCounters': {
    vi: 'Cán bộ {clerk} chỉ đăng nhập được tại: {counters}.',
    en: 'Clerk {clerk} can sign in only at: {counters}.',
  },
  'config.summary.clerkEveryCounter': {
    vi: 'Cán bộ {clerk} đăng nhập được tại mọi quầy.',
    en: 'Clerk {clerk} can sign in at every counter.',
  },
  'config.summary.noCounter': {
    vi: 'không quầy nào',
    en: 'no counter',
  },
  'config.summary.hallChanged': {
    vi: 'Máy lấy số, phiếu và màn hình gọi số dùng thông tin Trung tâm mới.',
    en: 'The kiosk, the printed tickets and the displays use the new hall details.',
  },
  'config.summary.noticeChanged': {
    vi: 'Màn hình gọi số hiển thị dòng thông báo mới.',
    en: 'The displays show the new notice line.',
  },
  'config.summary.announcementChanged': {
    vi: 'Loa gọi số đọc theo cài đặt mới.',
    en: 'The displays announce calls with the new settings.',
  },
  'config.summary.policyChanged': {
    vi: 'Các quầy gọi số theo quy tắc mới.',
    en: 'The counters call tickets by the new rules.',
  },
  'config.summary.satisfactionChanged': {
    vi: 'Máy đánh giá hiển thị thang đánh giá mới.',
    en: 'The feedback tablets show the new rating scale.',
  },
  'config.summary.terminalsChanged': {
    vi: 'Máy tính quầy và máy đánh giá dùng thời gian chờ mới.',
    en: 'The counter terminals and feedback tablets use the new timings.',
  },
  'config.summary.priorityGroupsChanged': {
    vi: 'Máy lấy số hiển thị danh sách nhóm ưu tiên mới.',
    en: 'The kiosk shows the new list of priority groups.',
  },
  'error.CONFIG_INVALID': {
    vi: 'Cấu hình chưa lưu được vì còn lỗi. Vui lòng sửa các mục được đánh dấu.',
    en: 'The configuration was not saved: it has problems. Please fix the marked items.',
  },

  // ── manager console (apps/admin) ──────────────────────────────────────────────────────────
  'admin.login.title': {
    vi: 'Bảng điều khiển của cán bộ quản lý',
    en: 'Hall manager console',
  },
  'admin.login.username': {
    vi: 'Tên đăng nhập',
    en: 'Username',
  },
  'admin.login.password': {
    vi: 'Mật khẩu',
    en: 'Password',
  },
  'admin.login.badCredentials': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The user name or password is incorrect.',
  },
  'admin.login.submit': {
    vi: 'Đăng nhập',
    en: 'Sign in',
  },
  'admin.login.expired': {
    vi: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session has expired. Please sign in again.',
  },
  // ── first start: a hall without a manager (issue 15) ──
  'admin.firstStart.title': {
    vi: 'Tạo tài khoản cán bộ quản lý đầu tiên',
    en: 'Create the first manager account',
  },
  'admin.firstStart.intro': {
    vi: 'Trung tâm chưa có tài khoản cán bộ quản lý nào. Tài khoản tạo ở đây dùng để đăng nhập bảng điều khiển từ mọi máy.',
    en: 'This hall has no manager account yet. The account made here signs in to the console from any computer.',
  },
  'admin.firstStart.displayName': { vi: 'Họ và tên (không bắt buộc)', en: 'Full name (optional)' },
  'admin.firstStart.submit': { vi: 'Tạo tài khoản và đăng nhập', en: 'Create the account and sign in' },
  'admin.firstStart.useServerPc': {
    vi: 'Trung tâm chưa có tài khoản cán bộ quản lý. Vì an toàn, tài khoản đầu tiên chỉ được tạo trên chính máy chủ.',
    en: 'This hall has no manager account yet. For safety, the first account can only be created on the server PC itself.',
  },
  'admin.firstStart.howOnServerPc': {
    vi: 'Trên máy chủ, mở http://localhost:8080/admin/ (đúng cổng của Trung tâm) hoặc chạy lệnh: luot init-manager <tên đăng nhập>.',
    en: "On the server PC, open http://localhost:8080/admin/ (the hall's port) or run: luot init-manager <username>.",
  },
  // ── plain HTTP warning (issue 15) ──
  'admin.plainHttp.title': {
    vi: 'Cảnh báo: {count} thiết bị đang kết nối qua HTTP không mã hóa từ máy khác:',
    en: 'Warning: {count} devices connect over unencrypted HTTP from other machines:',
  },
  'admin.plainHttp.fix': {
    vi: 'Mã thiết bị và mã PIN của cán bộ có thể bị đọc trộm trên mạng. Bật HTTPS: trên máy chủ chạy pnpm luot tls init (gói cài đặt: luot.cmd tls init), khởi động lại máy chủ, cài chứng chỉ của Trung tâm lên từng thiết bị rồi ghép nối lại thiết bị bằng liên kết https:// (hướng dẫn: docs/OPERATIONS.md). Trong lúc chờ, chỉ nối các thiết bị này vào mạng riêng của Trung tâm, không dùng chung Wi-Fi với công dân.',
    en: "Device tokens and clerks' PINs can be read on the network. Turn HTTPS on: on the server PC run pnpm luot tls init (installed bundle: luot.cmd tls init), restart the server, install the hall's certificate on each device and pair it again on its https:// link (guide: docs/OPERATIONS.md). Until then keep these devices on the hall's own network, not on the Wi-Fi citizens use.",
  },
  'admin.password.title': {
    vi: 'Đổi mật khẩu',
    en: 'Change password',
  },
  'admin.password.forced': {
    vi: 'Tài khoản {username} đang dùng mật khẩu mặc định. Hãy đặt mật khẩu mới trước khi tiếp tục.',
    en: 'The account {username} still has the default password. Choose a new password before you continue.',
  },
  'admin.password.current': {
    vi: 'Mật khẩu hiện tại',
    en: 'Current password',
  },
  'admin.password.new': {
    vi: 'Mật khẩu mới',
    en: 'New password',
  },
  'admin.password.repeat': {
    vi: 'Nhập lại mật khẩu mới',
    en: 'Repeat the new password',
  },
  'admin.password.rules': {
    vi: 'Ít nhất {min} ký tự; không chứa tên đăng nhập, không dùng mật khẩu phổ biến (như 12345678, matkhau123) hay mật khẩu hiện tại.',
    en: 'At least {min} characters; not containing the username, not a common password (like 12345678 or password123), not the current one.',
  },
  'admin.password.mismatch': {
    vi: 'Hai mật khẩu mới không khớp.',
    en: 'The two new passwords differ.',
  },
  'admin.password.rejected': {
    vi: 'Mật khẩu mới chưa đạt yêu cầu. Vui lòng chọn mật khẩu khác.',
    en: 'The new password does not meet the rules. Please choose another one.',
  },
  'admin.password.submit': {
    vi: 'Lưu mật khẩu mới',
    en: 'Save the new password',
  },
  'admin.common.cancel': {
    vi: 'Hủy',
    en: 'Cancel',
  },
  'admin.common.loading': {
    vi: 'Đang tải dữ liệu…',
    en: 'Loading…',
  },
  'admin.common.id': {
    vi: 'Mã',
    en: 'Id',
  },
  'admin.common.nameVi': {
    vi: 'Tên (tiếng Việt)',
    en: 'Name (Vietnamese)',
  },
  'admin.common.nameEn': {
    vi: 'Tên (tiếng Anh)',
    en: 'Name (English)',
  },
  'admin.common.kioskOrder': {
    vi: 'Thứ tự trên máy lấy số',
    en: 'Kiosk order',
  },
  'admin.common.actions': {
    vi: 'Thao tác',
    en: 'Actions',
  },
  'admin.reports.group': {
    vi: 'Nhóm',
    en: 'Group',
  },
  'admin.common.active': {
    vi: 'Hoạt động',
    en: 'Active',
  },
  'admin.nav.label': {
    vi: 'Các mục quản lý',
    en: 'Console sections',
  },
  'admin.nav.monitor': {
    vi: 'Giám sát',
    en: 'Monitor',
  },
  'admin.nav.config': {
    vi: 'Cấu hình',
    en: 'Configuration',
  },
  'admin.nav.devices': {
    vi: 'Thiết bị',
    en: 'Devices',
  },
  'admin.nav.reports': {
    vi: 'Báo cáo',
    en: 'Reports',
  },
  'admin.nav.audit': {
    vi: 'Nhật ký',
    en: 'Audit log',
  },
  'admin.nav.signOut': {
    vi: 'Đăng xuất',
    en: 'Sign out',
  },
  'admin.status.connecting': {
    vi: 'Đang kết nối',
    en: 'Connecting',
  },
  'admin.status.online': {
    vi: 'Trực tuyến',
    en: 'Online',
  },
  'admin.status.offline': {
    vi: 'Mất kết nối',
    en: 'Offline',
  },
  'admin.status.unauthorized': {
    vi: 'Hết phiên',
    en: 'Session ended',
  },
  'admin.status.mismatch': {
    vi: 'Cần tải lại trang',
    en: 'Reload needed',
  },
  'admin.monitor.alerts': {
    vi: 'Cảnh báo',
    en: 'Alerts',
  },
  'admin.monitor.threshold': {
    vi: 'Ngưỡng chờ (phút)',
    en: 'Wait threshold (min)',
  },
  'admin.monitor.noAlerts': {
    vi: 'Không có cảnh báo nào.',
    en: 'No alerts.',
  },
  'admin.monitor.services': {
    vi: 'Hàng chờ theo dịch vụ',
    en: 'Queues by service',
  },
  'admin.monitor.service': {
    vi: 'Dịch vụ',
    en: 'Service',
  },
  'admin.monitor.waiting': {
    vi: 'Đang chờ',
    en: 'Waiting',
  },
  'admin.monitor.longestWait': {
    vi: 'Chờ lâu nhất',
    en: 'Longest wait',
  },
  'admin.monitor.estimate': {
    vi: 'Ước tính chờ',
    en: 'Estimated wait',
  },
  'admin.monitor.servingCounters': {
    vi: 'Quầy đang phục vụ',
    en: 'Serving counters',
  },
  'admin.monitor.noCounter': {
    vi: 'Chưa có quầy',
    en: 'No counter',
  },
  'admin.monitor.counters': {
    vi: 'Các quầy',
    en: 'Counters',
  },
  'admin.monitor.counter': {
    vi: 'Quầy',
    en: 'Counter',
  },
  'admin.monitor.counterNumber': {
    vi: 'Quầy {number}',
    en: 'Counter {number}',
  },
  'admin.monitor.state': {
    vi: 'Trạng thái',
    en: 'State',
  },
  'admin.monitor.clerk': {
    vi: 'Cán bộ',
    en: 'Clerk',
  },
  'admin.monitor.current': {
    vi: 'Số đang phục vụ',
    en: 'Current ticket',
  },
  'admin.monitor.since': {
    vi: 'Thời gian',
    en: 'For',
  },
  'admin.alert.printer': {
    vi: 'Máy in của {device}: {state}',
    en: 'Printer of {device}: {state}',
  },
  'admin.alert.offline': {
    vi: '{device} đang mất kết nối',
    en: '{device} is offline',
  },
  'admin.alert.longWait': {
    vi: 'Số {ticket} ({service}) đã chờ {minutes} phút',
    en: 'Ticket {ticket} ({service}) has waited {minutes} min',
  },
  'admin.alert.lowRating': {
    vi: 'Đánh giá “{level}” cho số {ticket} tại quầy {counter}',
    en: '“{level}” rating for ticket {ticket} at counter {counter}',
  },
  'admin.printer.ok': {
    vi: 'Bình thường',
    en: 'OK',
  },
  'admin.printer.paper_low': {
    vi: 'Sắp hết giấy',
    en: 'Paper low',
  },
  'admin.printer.paper_out': {
    vi: 'Hết giấy',
    en: 'Out of paper',
  },
  'admin.printer.cover_open': {
    vi: 'Nắp máy in đang mở',
    en: 'Cover open',
  },
  'admin.printer.offline': {
    vi: 'Máy in mất kết nối',
    en: 'Printer offline',
  },
  'admin.printer.no_answer': {
    vi: 'Máy in không phản hồi',
    en: 'Printer not answering',
  },
  'admin.search.title': {
    vi: 'Tra cứu số thứ tự',
    en: 'Find a ticket',
  },
  'admin.search.number': {
    vi: 'Số thứ tự',
    en: 'Ticket number',
  },
  'admin.search.day': {
    vi: 'Ngày',
    en: 'Day',
  },
  'admin.search.submit': {
    vi: 'Tra cứu',
    en: 'Search',
  },
  'admin.search.none': {
    vi: 'Không tìm thấy số này.',
    en: 'No ticket with this number.',
  },
  'admin.search.cancel': {
    vi: 'Hủy số',
    en: 'Cancel ticket',
  },
  'admin.search.cancelReason': {
    vi: 'Quản lý hủy số',
    en: 'Cancelled by the manager',
  },
  'admin.search.return': {
    vi: 'Đưa lại vào hàng chờ',
    en: 'Return to the queue',
  },
  'admin.search.transferTo': {
    vi: 'Chuyển sang dịch vụ…',
    en: 'Transfer to service…',
  },
  'admin.search.transfer': {
    vi: 'Chuyển',
    en: 'Transfer',
  },
  'admin.event.unknown': {
    vi: 'Sự kiện',
    en: 'Event',
  },
  'admin.event.day.started': {
    vi: 'Bắt đầu ngày làm việc',
    en: 'Business day started',
  },
  'admin.event.ticket.issued': {
    vi: 'Cấp số',
    en: 'Ticket issued',
  },
  'admin.event.ticket.called': {
    vi: 'Gọi số',
    en: 'Ticket called',
  },
  'admin.event.ticket.recalled': {
    vi: 'Gọi lại',
    en: 'Ticket recalled',
  },
  'admin.event.ticket.started': {
    vi: 'Bắt đầu phục vụ',
    en: 'Service started',
  },
  'admin.event.ticket.completed': {
    vi: 'Hoàn thành',
    en: 'Service completed',
  },
  'admin.event.ticket.no-show': {
    vi: 'Vắng mặt',
    en: 'No-show',
  },
  'admin.event.ticket.returned': {
    vi: 'Quay lại hàng chờ',
    en: 'Returned to the queue',
  },
  'admin.event.ticket.transferred': {
    vi: 'Chuyển số',
    en: 'Ticket transferred',
  },
  'admin.event.ticket.cancelled': {
    vi: 'Hủy số',
    en: 'Ticket cancelled',
  },
  'admin.event.ticket.print-recorded': {
    vi: 'Kết quả in phiếu',
    en: 'Print result',
  },
  'admin.event.counter.opened': {
    vi: 'Mở quầy',
    en: 'Counter opened',
  },
  'admin.event.counter.paused': {
    vi: 'Tạm dừng quầy',
    en: 'Counter paused',
  },
  'admin.event.counter.closed': {
    vi: 'Đóng quầy',
    en: 'Counter closed',
  },
  'admin.event.clerk.signed-in': {
    vi: 'Cán bộ đăng nhập',
    en: 'Clerk signed in',
  },
  'admin.event.clerk.signed-out': {
    vi: 'Cán bộ đăng xuất',
    en: 'Clerk signed out',
  },
  'admin.event.hall.configured': {
    vi: 'Thay đổi cấu hình',
    en: 'Configuration changed',
  },
  'admin.event.feedback.rated': {
    vi: 'Đánh giá mức độ hài lòng',
    en: 'Satisfaction rated',
  },
  'admin.event.manager.signed-in': {
    vi: 'Quản lý đăng nhập',
    en: 'Manager signed in',
  },
  'admin.event.manager.signed-out': {
    vi: 'Quản lý đăng xuất',
    en: 'Manager signed out',
  },
  'admin.event.manager.sign-in-refused': {
    vi: 'Đăng nhập sai mật khẩu',
    en: 'Wrong password at sign-in',
  },
  // #15 lock-outs (a1-limits): recovery on the server PC with the CLI.
  'admin.event.manager.unlocked': {
    vi: 'Mở khóa đăng nhập trên máy chủ',
    en: 'Sign-in unlocked on the server PC',
  },
  'admin.event.manager.password-reset': {
    vi: 'Đặt lại mật khẩu quản lý trên máy chủ',
    en: 'Manager password reset on the server PC',
  },
  'admin.event.manager.password-changed': {
    vi: 'Đổi mật khẩu quản lý',
    en: 'Manager password changed',
  },
  'admin.event.clerk.pin-reset': {
    vi: 'Đặt lại mã PIN cán bộ',
    en: 'Clerk PIN reset',
  },
  'admin.event.hall.voice-clip-saved': {
    vi: 'Tải lên tệp âm thanh gọi số',
    en: 'Voice clip uploaded',
  },
  'admin.event.hall.logo-changed': {
    vi: 'Thay đổi biểu trưng',
    en: 'Logo changed',
  },
  'admin.event.device.pairing-created': {
    vi: 'Tạo mã ghép nối thiết bị',
    en: 'Pairing code created',
  },
  'admin.event.device.revoked': {
    vi: 'Thu hồi thiết bị',
    en: 'Device revoked',
  },
  'admin.config.hall': {
    vi: 'Thông tin Trung tâm',
    en: 'Hall',
  },
  'admin.config.services': {
    vi: 'Lĩnh vực và dịch vụ',
    en: 'Fields and services',
  },
  'admin.config.counters': {
    vi: 'Quầy và cán bộ',
    en: 'Counters and clerks',
  },
  'admin.config.policy': {
    vi: 'Quy tắc, đánh giá, loa gọi',
    en: 'Policy, ratings, announcements',
  },
  'admin.config.unsaved': {
    vi: 'Có thay đổi chưa lưu',
    en: 'Unsaved changes',
  },
  'admin.config.discard': {
    vi: 'Bỏ thay đổi',
    en: 'Discard',
  },
  'admin.config.save': {
    vi: 'Lưu cấu hình',
    en: 'Save configuration',
  },
  'admin.config.saved': {
    vi: 'Đã lưu. Các thiết bị trong Trung tâm đã nhận cấu hình mới.',
    en: 'Saved. The devices in the hall have the new configuration.',
  },
  'admin.hall.name': {
    vi: 'Tên Trung tâm',
    en: 'Hall name',
  },
  'admin.hall.address': {
    vi: 'Địa chỉ',
    en: 'Address',
  },
  'admin.hall.phone': {
    vi: 'Điện thoại',
    en: 'Phone',
  },
  'admin.hall.timeZone': {
    vi: 'Múi giờ',
    en: 'Time zone',
  },
  'admin.hall.rolloverHour': {
    vi: 'Giờ bắt đầu ngày mới (0–23)',
    en: 'Hour the day starts again (0–23)',
  },
  'admin.hall.noticeLine': {
    vi: 'Dòng thông báo trên màn hình gọi số',
    en: 'Notice line on the hall displays',
  },
  'admin.hall.logo': {
    vi: 'Biểu trưng in trên phiếu',
    en: 'Logo printed on tickets',
  },
  'admin.hall.logoUpload': {
    vi: 'Chọn tệp biểu trưng (PNG)',
    en: 'Choose a logo file (PNG)',
  },
  'admin.hall.logoHint': {
    vi: 'Ảnh PNG đen trắng, rộng tối đa 384 điểm, dưới 64 KB.',
    en: 'A black-and-white PNG, at most 384 dots wide, under 64 KB.',
  },
  'admin.hall.logoPngOnly': {
    vi: 'Chỉ nhận ảnh PNG.',
    en: 'Only PNG images are accepted.',
  },
  'admin.hall.openingHours': {
    vi: 'Giờ làm việc của Trung tâm (để trống là luôn nhận số)',
    en: 'Hall opening hours (empty means always open)',
  },
  'admin.services.import': {
    vi: 'Nhập danh mục dịch vụ từ tệp CSV',
    en: 'Import the service catalogue from CSV',
  },
  'admin.services.importHint': {
    vi: 'Tệp CSV UTF-8 (có thể lưu từ Excel), mỗi dòng một thủ tục, các cột:',
    en: 'A UTF-8 CSV file (Excel can save one), one procedure per line, with the columns:',
  },
  'admin.services.importFile': {
    vi: 'Chọn tệp CSV',
    en: 'Choose a CSV file',
  },
  'admin.services.importSummary': {
    vi: 'Đọc được {fields} lĩnh vực, {services} dịch vụ, {procedures} thủ tục; {errors} dòng lỗi.',
    en: 'Read {fields} fields, {services} services, {procedures} procedures; {errors} lines with errors.',
  },
  'admin.services.importLine': {
    vi: 'Dòng {line}: {message}',
    en: 'Line {line}: {message}',
  },
  'admin.services.importApply': {
    vi: 'Đưa vào cấu hình (chưa lưu)',
    en: 'Add to the configuration (not saved yet)',
  },
  'admin.services.fields': {
    vi: 'Lĩnh vực',
    en: 'Fields',
  },
  'admin.services.addField': {
    vi: 'Thêm lĩnh vực',
    en: 'Add a field',
  },
  'admin.services.services': {
    vi: 'Dịch vụ',
    en: 'Services',
  },
  'admin.services.addService': {
    vi: 'Thêm dịch vụ',
    en: 'Add a service',
  },
  'admin.services.prefix': {
    vi: 'Ký hiệu',
    en: 'Prefix',
  },
  'admin.services.field': {
    vi: 'Lĩnh vực',
    en: 'Field',
  },
  'admin.services.firstNumber': {
    vi: 'Số đầu',
    en: 'First number',
  },
  'admin.services.quota': {
    vi: 'Giới hạn/ngày',
    en: 'Daily quota',
  },
  'admin.services.expected': {
    vi: 'Phút/hồ sơ',
    en: 'Min per case',
  },
  'admin.services.hours': {
    vi: 'Giờ tiếp nhận',
    en: 'Opening hours',
  },
  'admin.services.procedures': {
    vi: 'Thủ tục',
    en: 'Procedures',
  },
  'admin.counters.title': {
    vi: 'Quầy',
    en: 'Counters',
  },
  'admin.counters.servicesHint': {
    vi: 'Đánh dấu các dịch vụ quầy phục vụ; các dịch vụ đã chọn đứng đầu, theo thứ tự quầy gọi số (dùng nút mũi tên để đổi thứ tự).',
    en: 'Tick the services the counter serves; the ticked ones come first, in the order the counter calls them (the arrow buttons change it).',
  },
  'admin.counters.number': {
    vi: 'Số quầy',
    en: 'Number',
  },
  'admin.counters.services': {
    vi: 'Dịch vụ phục vụ',
    en: 'Services served',
  },
  'admin.counters.add': {
    vi: 'Thêm quầy',
    en: 'Add a counter',
  },
  'admin.clerks.title': {
    vi: 'Cán bộ',
    en: 'Clerks',
  },
  'admin.clerks.name': {
    vi: 'Họ và tên',
    en: 'Name',
  },
  'admin.clerks.titleColumn': {
    vi: 'Chức danh',
    en: 'Title',
  },
  'admin.clerks.username': {
    vi: 'Tên đăng nhập',
    en: 'Username',
  },
  'admin.clerks.pin': {
    vi: 'Mã PIN',
    en: 'PIN',
  },
  'admin.clerks.resetPin': {
    vi: 'Đặt lại PIN',
    en: 'Reset PIN',
  },
  'admin.clerks.pinHint': {
    vi: 'Cán bộ mới cần được lưu cấu hình trước khi đặt mã PIN.',
    en: 'Save the configuration before setting the PIN of a new clerk.',
  },
  'admin.clerks.add': {
    vi: 'Thêm cán bộ',
    en: 'Add a clerk',
  },
  'admin.clerks.counters': {
    vi: 'Quầy được làm việc',
    en: 'Counters to work at',
  },
  'admin.clerks.everyCounter': {
    vi: 'Mọi quầy (cả quầy thêm sau này)',
    en: 'Every counter (including counters added later)',
  },
  'admin.clerks.countersHint': {
    vi: 'Cán bộ chỉ đăng nhập được tại máy của các quầy được đánh dấu. Cán bộ đang đăng nhập giữ phiên đến khi đăng xuất.',
    en: 'The clerk can sign in only at the terminals of the ticked counters. A clerk already signed in keeps the session until signing out.',
  },
  'admin.clerks.archivedCounter': {
    vi: '{counter} (đã lưu trữ)',
    en: '{counter} (archived)',
  },
  'admin.policy.queue': {
    vi: 'Quy tắc gọi số',
    en: 'Calling rules',
  },
  'admin.policy.priorityBound': {
    vi: 'Số lượt ưu tiên liên tiếp tối đa',
    en: 'Priority calls in a row at most',
  },
  'admin.policy.recallLimit': {
    vi: 'Số lần gọi lại tối đa',
    en: 'Recalls at most',
  },
  'admin.policy.grace': {
    vi: 'Thời gian quay lại khi vắng mặt (phút)',
    en: 'No-show grace period (min)',
  },
  'admin.policy.priorityGroups': {
    vi: 'Nhóm ưu tiên',
    en: 'Priority groups',
  },
  'admin.policy.satisfaction': {
    vi: 'Đánh giá mức độ hài lòng',
    en: 'Satisfaction rating',
  },
  'admin.policy.levels': {
    vi: 'Số mức đánh giá',
    en: 'Number of levels',
  },
  'admin.policy.value': {
    vi: 'Giá trị',
    en: 'Value',
  },
  'admin.policy.isSatisfied': {
    vi: 'Tính là hài lòng',
    en: 'Counts as satisfied',
  },
  'admin.policy.reasons': {
    vi: 'Lý do chưa hài lòng',
    en: 'Reasons offered for a low rating',
  },
  'admin.policy.announcement': {
    vi: 'Loa gọi số và máy quầy',
    en: 'Announcements and terminals',
  },
  'admin.policy.template': {
    vi: 'Câu gọi số (giữ nguyên chỗ ghi số thứ tự và số quầy như mẫu)',
    en: 'Call phrase (keep the ticket and counter placeholders as in the sample)',
  },
  'admin.policy.style': {
    vi: 'Cách đọc số',
    en: 'How numbers are read',
  },
  'admin.policy.styleByCharacter': {
    vi: 'Đọc từng ký tự (A, không, một, hai)',
    en: 'Character by character',
  },
  'admin.policy.styleWhole': {
    vi: 'Đọc cả số (A mười hai)',
    en: 'As a whole number',
  },
  'admin.policy.repeat': {
    vi: 'Số lần đọc',
    en: 'Times said',
  },
  'admin.policy.volume': {
    vi: 'Âm lượng',
    en: 'Volume',
  },
  'admin.policy.voice': {
    vi: 'Giọng đọc',
    en: 'Voice',
  },
  'admin.policy.voiceClips': {
    vi: 'Tệp âm thanh có sẵn',
    en: 'Bundled clips',
  },
  'admin.policy.voiceBrowser': {
    vi: 'Giọng của trình duyệt',
    en: 'Browser voice',
  },
  'admin.policy.quietHours': {
    vi: 'Giờ không phát loa (giờ:phút-giờ:phút, ví dụ 11:30-13:30)',
    en: 'Quiet hours (HH:mm-HH:mm)',
  },
  'admin.policy.idleSignOut': {
    vi: 'Tự đăng xuất cán bộ sau (phút)',
    en: 'Sign clerks out after (min)',
  },
  'admin.policy.feedbackIdle': {
    vi: 'Màn hình đánh giá trở về sau (giây)',
    en: 'Feedback screen resets after (s)',
  },
  'admin.voice.numberReading': { vi: 'Cách đọc số', en: 'Number reading' },
  'admin.voice.zeroTens': { vi: 'Số 0 ở hàng chục (105)', en: 'Zero tens (105)' },
  'admin.voice.zeroTensLinh': { vi: 'một trăm linh năm', en: 'một trăm linh năm' },
  'admin.voice.zeroTensLe': { vi: 'một trăm lẻ năm', en: 'một trăm lẻ năm' },
  'admin.voice.four': { vi: 'Số 4 sau “mươi” (24)', en: 'Four after “mươi” (24)' },
  'admin.voice.fourTu': { vi: 'hai mươi tư', en: 'hai mươi tư' },
  'admin.voice.fourBon': { vi: 'hai mươi bốn', en: 'hai mươi bốn' },
  'admin.voice.thousand': { vi: 'Hàng nghìn (2000)', en: 'Thousands (2000)' },
  'admin.voice.thousandNghin': { vi: 'hai nghìn', en: 'hai nghìn' },
  'admin.voice.thousandNgan': { vi: 'hai ngàn', en: 'hai ngàn' },
  'admin.voice.templateOk': {
    vi: 'Màn hình gọi số đọc được câu này.',
    en: 'The displays can say this phrase.',
  },
  'admin.voice.templateMissing': {
    vi: 'Chưa có tệp âm thanh cho: {words}. Hãy ghi âm và tải lên bên dưới, hoặc chỉ dùng các từ có sẵn.',
    en: 'No voice clip for: {words}. Record and upload them below, or use only the available words.',
  },
  'admin.voice.templatePlaceholders': {
    vi: 'Câu gọi số phải giữ chỗ cho số thứ tự và số quầy như mẫu.',
    en: 'The phrase must keep the ticket and counter placeholders as in the sample.',
  },
  'admin.voice.available': {
    vi: 'Từ có sẵn (số thứ tự và số quầy được đọc tự động)',
    en: 'Available words (the ticket and counter numbers are read automatically)',
  },
  'admin.voice.refused': { vi: 'Chưa lưu. {reason}', en: 'Not saved. {reason}' },
  'admin.voice.hallWords': { vi: 'Từ do Trung tâm ghi âm', en: 'Words recorded by the hall' },
  'admin.voice.noHallWords': { vi: 'Chưa có từ nào.', en: 'None yet.' },
  'admin.voice.phrase': { vi: 'Từ hoặc cụm từ mới', en: 'New word or phrase' },
  'admin.voice.file': { vi: 'Tệp ghi âm (WAV)', en: 'Recording (WAV)' },
  'admin.voice.upload': { vi: 'Tải lên', en: 'Upload' },
  'admin.voice.uploaded': { vi: 'Đã tải lên “{phrase}”.', en: 'Uploaded “{phrase}”.' },
  'admin.voice.remove': { vi: 'Bỏ “{phrase}”', en: 'Remove “{phrase}”' },
  'admin.voice.guide': {
    vi: 'Cách ghi âm: phòng yên tĩnh, micrô cách miệng khoảng 20 cm; đọc rõ, nhịp bình thường, một lần; cắt bỏ khoảng lặng ở đầu và cuối; lưu tệp WAV mono 16-bit, 16 000 hoặc 22 050 Hz, dài 0,1–3 giây. Một cụm đọc liền một hơi (“mời ông bà”) nên ghi thành một tệp. Tải lên tệp trùng tên một từ có sẵn sẽ thay giọng của từ đó.',
    en: 'How to record: a quiet room, the microphone about 20 cm away; say it clearly, at a normal pace, once; cut the silence at both ends; save a mono 16-bit WAV at 16 000 or 22 050 Hz, 0.1–3 s long. A phrase said in one breath (“mời ông bà”) is best one file. Uploading an available word replaces its voice.',
  },
  'admin.devices.pairTitle': {
    vi: 'Ghép nối thiết bị mới',
    en: 'Pair a new device',
  },
  'admin.devices.kind': {
    vi: 'Loại thiết bị',
    en: 'Kind',
  },
  'admin.devices.name': {
    vi: 'Tên thiết bị',
    en: 'Device name',
  },
  'admin.devices.namePlaceholder': {
    vi: 'Ví dụ: Máy lấy số tầng 1',
    en: 'e.g. Main hall kiosk',
  },
  'admin.devices.counter': {
    vi: 'Quầy',
    en: 'Counter',
  },
  'admin.devices.createCode': {
    vi: 'Tạo mã ghép nối',
    en: 'Create a pairing code',
  },
  'admin.devices.codeFor': {
    vi: 'Mã ghép nối cho “{name}”:',
    en: 'Pairing code for “{name}”:',
  },
  'admin.devices.codeHint': {
    vi: 'Nhập mã này trên thiết bị; dùng được một lần, hết hạn lúc {until}.',
    en: 'Type this code on the device; it works once and expires at {until}.',
  },
  'admin.devices.listTitle': {
    vi: 'Thiết bị đã ghép nối',
    en: 'Paired devices',
  },
  'admin.devices.state': {
    vi: 'Kết nối',
    en: 'Connection',
  },
  'admin.devices.lastSeen': {
    vi: 'Lần cuối hoạt động',
    en: 'Last seen',
  },
  'admin.devices.printer': {
    vi: 'Máy in',
    en: 'Printer',
  },
  'admin.devices.online': {
    vi: 'Trực tuyến',
    en: 'Online',
  },
  'admin.devices.offline': {
    vi: 'Ngoại tuyến',
    en: 'Offline',
  },
  'admin.devices.revoke': {
    vi: 'Thu hồi',
    en: 'Revoke',
  },
  'admin.devices.revokeConfirm': {
    vi: 'Thu hồi “{name}”? Thiết bị sẽ bị ngắt ngay và phải ghép nối lại.',
    en: 'Revoke “{name}”? It is disconnected at once and must be paired again.',
  },
  'admin.devices.revoked': {
    vi: 'Đã thu hồi',
    en: 'Revoked',
  },
  'admin.devices.revokedTitle': {
    vi: 'Thiết bị đã thu hồi ({count})',
    en: 'Revoked devices ({count})',
  },
  'admin.devices.revokedAt': {
    vi: 'Thu hồi lúc',
    en: 'Revoked at',
  },
  'admin.devices.none': {
    vi: 'Chưa có thiết bị nào.',
    en: 'No device yet.',
  },
  // #13 console dialogs, pairing QR codes and editors (c2-console).
  'admin.dialog.back': {
    vi: 'Quay lại',
    en: 'Go back',
  },
  'admin.search.cancelTitle': {
    vi: 'Hủy số {number}?',
    en: 'Cancel ticket {number}?',
  },
  'admin.search.cancelBody': {
    vi: 'Số {number} ({service}) bị hủy ngay và không được gọi nữa. Không thể hoàn tác việc này.',
    en: 'Ticket {number} ({service}) is cancelled at once and will not be called. This cannot be undone.',
  },
  'admin.search.cancelReasonLabel': {
    vi: 'Lý do hủy (ghi vào nhật ký)',
    en: 'Reason (kept in the audit log)',
  },
  'admin.devices.revokeTitle': {
    vi: 'Thu hồi thiết bị “{name}”?',
    en: 'Revoke the device “{name}”?',
  },
  'admin.devices.pairLink': {
    vi: 'Liên kết ghép nối',
    en: 'Pairing link',
  },
  'admin.devices.qrHint': {
    vi: 'Trên máy tính bảng hoặc TV, quét mã QR này để mở liên kết và ghép nối. Mã dùng được một lần.',
    en: 'On the tablet or TV, scan this QR code to open the link and pair. The code works once.',
  },
  'admin.devices.qrLabel': {
    vi: 'Mã QR của liên kết ghép nối cho {name}',
    en: 'QR code of the pairing link for {name}',
  },
  'admin.devices.localOnly': {
    vi: 'Bảng điều khiển đang mở bằng địa chỉ “localhost”, thiết bị khác không mở được liên kết này. Mở bảng điều khiển bằng địa chỉ mạng nội bộ của máy chủ (ví dụ http://192.168.1.10:8080/admin/) rồi tạo mã mới.',
    en: 'The console is open at “localhost”, which other devices cannot reach. Open the console at the server’s LAN address (for example http://192.168.1.10:8080/admin/) and make a new code.',
  },
  'admin.clerks.resetTitle': {
    vi: 'Đặt lại mã PIN của {name}?',
    en: 'Reset the PIN of {name}?',
  },
  'admin.clerks.resetBody': {
    vi: 'Một mã PIN mới gồm 6 chữ số được tạo ngẫu nhiên; mã PIN cũ hết hiệu lực ngay. Cán bộ phải đổi mã PIN mới này khi đăng nhập lần đầu.',
    en: 'A new random 6-digit PIN is made and the old one stops working at once. The clerk must change the new PIN at their first sign-in.',
  },
  'admin.clerks.resetConfirm': {
    vi: 'Đặt lại mã PIN',
    en: 'Reset the PIN',
  },
  'admin.clerks.newPinTitle': {
    vi: 'Mã PIN mới của {name}',
    en: 'New PIN of {name}',
  },
  'admin.clerks.newPinBody': {
    vi: 'Đưa mã này cho cán bộ. Mã chỉ hiện một lần: đóng hộp thoại này là không xem lại được. Cán bộ phải đổi mã PIN khi đăng nhập lần đầu.',
    en: 'Give this PIN to the clerk. It is shown once: after this dialog closes it cannot be seen again. The clerk must change it at their first sign-in.',
  },
  'admin.clerks.newPinLabel': {
    vi: 'Mã PIN mới',
    en: 'New PIN',
  },
  'admin.clerks.newPinDone': {
    vi: 'Đã ghi lại, đóng',
    en: 'Noted, close',
  },
  'admin.editor.search': {
    vi: 'Tìm trong {list}',
    en: 'Search {list}',
  },
  'admin.editor.searchPlaceholder': {
    vi: 'Tìm theo tên…',
    en: 'Search by name…',
  },
  'admin.editor.unnamed': {
    vi: '(chưa có tên)',
    en: '(no name yet)',
  },
  'admin.editor.moveUp': {
    vi: 'Đưa “{name}” lên trên',
    en: 'Move “{name}” up',
  },
  'admin.editor.moveDown': {
    vi: 'Đưa “{name}” xuống dưới',
    en: 'Move “{name}” down',
  },
  'admin.editor.noMatch': {
    vi: 'Không có mục nào khớp.',
    en: 'Nothing matches.',
  },
  'admin.editor.hourOf': {
    vi: '{label}: giờ',
    en: '{label}: hour',
  },
  'admin.editor.minuteOf': {
    vi: '{label}: phút',
    en: '{label}: minute',
  },
  'admin.editor.remove': {
    vi: 'Xóa',
    en: 'Remove',
  },
  'admin.editor.removeNamed': {
    vi: 'Xóa “{name}”',
    en: 'Remove “{name}”',
  },
  'admin.hours.days': {
    vi: 'Các ngày của khung giờ {n}',
    en: 'Days of opening window {n}',
  },
  'admin.hours.from': {
    vi: 'Khung giờ {n}, từ',
    en: 'Window {n}, from',
  },
  'admin.hours.to': {
    vi: 'Khung giờ {n}, đến',
    en: 'Window {n}, until',
  },
  'admin.hours.remove': {
    vi: 'Xóa khung giờ {n}',
    en: 'Remove window {n}',
  },
  'admin.hours.add': {
    vi: 'Thêm khung giờ',
    en: 'Add an opening window',
  },
  'admin.week.0': {
    vi: 'Chủ nhật',
    en: 'Sunday',
  },
  'admin.week.1': {
    vi: 'Thứ Hai',
    en: 'Monday',
  },
  'admin.week.2': {
    vi: 'Thứ Ba',
    en: 'Tuesday',
  },
  'admin.week.3': {
    vi: 'Thứ Tư',
    en: 'Wednesday',
  },
  'admin.week.4': {
    vi: 'Thứ Năm',
    en: 'Thursday',
  },
  'admin.week.5': {
    vi: 'Thứ Sáu',
    en: 'Friday',
  },
  'admin.week.6': {
    vi: 'Thứ Bảy',
    en: 'Saturday',
  },
  'admin.config.fixFirst': {
    vi: 'Chưa lưu: còn {count} lỗi cần sửa (xem bên cạnh từng ô).',
    en: 'Not saved: {count} problems to fix first (see beside each field).',
  },
  'admin.config.errorsCount': {
    vi: '{count} lỗi',
    en: '{count} problems',
  },
  'admin.config.issuesTitle': {
    vi: 'Kiểm tra cấu hình: {errors} lỗi, {warnings} cảnh báo',
    en: 'Configuration check: {errors} problems, {warnings} warnings',
  },
  'admin.config.summaryTitle': {
    vi: 'Lưu các thay đổi này?',
    en: 'Save these changes?',
  },
  'admin.config.confirmSave': {
    vi: 'Lưu và áp dụng',
    en: 'Save and apply',
  },
  'admin.config.summaryEmpty': {
    vi: 'Không có thay đổi nào.',
    en: 'Nothing changes.',
  },
  'admin.config.summaryAdded': {
    vi: 'Thêm mới',
    en: 'Added',
  },
  'admin.config.summaryChanged': {
    vi: 'Sửa',
    en: 'Changed',
  },
  'admin.config.summaryArchived': {
    vi: 'Lưu trữ (ẩn khỏi máy lấy số và máy tính quầy, vẫn có trong báo cáo)',
    en: 'Archived (hidden from kiosks and terminals, kept in reports)',
  },
  'admin.config.summaryRestored': {
    vi: 'Đưa trở lại sử dụng',
    en: 'Restored',
  },
  'admin.config.summarySections': {
    vi: 'Thiết lập chung',
    en: 'Hall-wide settings',
  },
  'admin.config.summaryDevices': {
    vi: 'Các thiết bị sẽ thấy',
    en: 'What the devices will show',
  },
  'admin.config.summaryWarnings': {
    vi: 'Cảnh báo (vẫn lưu được)',
    en: 'Warnings (can still be saved)',
  },
  'admin.config.discardTitle': {
    vi: 'Bỏ mọi thay đổi chưa lưu?',
    en: 'Discard every unsaved change?',
  },
  'admin.config.discardBody': {
    vi: 'Cấu hình trở lại như lần lưu gần nhất. Các thay đổi chưa lưu sẽ mất.',
    en: 'The configuration goes back to how it was last saved. Unsaved changes are lost.',
  },
  'admin.archive.archive': {
    vi: 'Lưu trữ',
    en: 'Archive',
  },
  'admin.archive.archived': {
    vi: 'Đã lưu trữ',
    en: 'Archived',
  },
  'admin.archive.restore': {
    vi: 'Đưa trở lại sử dụng',
    en: 'Restore',
  },
  'admin.archive.title': {
    vi: 'Lưu trữ “{name}”?',
    en: 'Archive “{name}”?',
  },
  'admin.archive.body': {
    vi: 'Sau khi lưu cấu hình, mục này không còn hiện trên máy lấy số và máy tính quầy, nhưng vẫn giữ trong báo cáo và nhật ký. Có thể đưa trở lại sử dụng bất cứ lúc nào.',
    en: 'Once the configuration is saved, it no longer shows on kiosks and counter terminals, but stays in reports and the audit log. It can be restored at any time.',
  },
  'admin.counters.list': {
    vi: 'Danh sách quầy',
    en: 'Counters',
  },
  'admin.counters.form': {
    vi: 'Thông tin quầy',
    en: 'Counter details',
  },
  'admin.clerks.list': {
    vi: 'Danh sách cán bộ',
    en: 'Clerks',
  },
  'admin.clerks.form': {
    vi: 'Thông tin cán bộ',
    en: 'Clerk details',
  },
  'admin.editor.enFallback': {
    vi: 'Để trống thì dùng tên tiếng Việt.',
    en: 'Left empty, the Vietnamese name is used.',
  },
  'admin.policy.addPriorityGroup': {
    vi: 'Thêm nhóm ưu tiên',
    en: 'Add a priority group',
  },
  'admin.policy.addReason': {
    vi: 'Thêm lý do',
    en: 'Add a reason',
  },
  'admin.policy.quietHoursOn': {
    vi: 'Có giờ chỉ hiện số, không đọc loa',
    en: 'Show calls without speaking them during set hours',
  },
  'admin.policy.quietFrom': {
    vi: 'Không đọc loa từ',
    en: 'Quiet from',
  },
  'admin.policy.quietTo': {
    vi: 'Không đọc loa đến',
    en: 'Quiet until',
  },
  'admin.services.fieldList': {
    vi: 'Danh sách lĩnh vực',
    en: 'Fields',
  },
  'admin.services.fieldForm': {
    vi: 'Thông tin lĩnh vực',
    en: 'Field details',
  },
  'admin.services.serviceList': {
    vi: 'Danh sách dịch vụ',
    en: 'Services',
  },
  'admin.services.serviceForm': {
    vi: 'Thông tin dịch vụ',
    en: 'Service details',
  },
  'admin.services.prefixHint': {
    vi: '1–2 chữ cái in hoa, có thể là Đ; in trước số thứ tự: A001.',
    en: '1–2 capital letters (Đ too), printed before the number: A001.',
  },
  'admin.services.quotaOn': {
    vi: 'Giới hạn số phiếu mỗi ngày',
    en: 'Limit tickets per day',
  },
  'admin.services.quotaNumber': {
    vi: 'Số phiếu tối đa mỗi ngày',
    en: 'Most tickets a day',
  },
  'admin.services.hoursEmpty': {
    vi: 'Chưa có khung giờ riêng: dịch vụ mở theo giờ làm việc của Trung tâm.',
    en: 'No hours of its own: the service is open whenever the hall is.',
  },
  'admin.services.addProcedure': {
    vi: 'Thêm thủ tục',
    en: 'Add a procedure',
  },
  'admin.hall.hoursEmpty': {
    vi: 'Chưa có khung giờ: máy lấy số cấp số bất cứ lúc nào. Mỗi dịch vụ có thể có giờ riêng, áp dụng bên trong giờ của Trung tâm.',
    en: 'No hours set: the kiosk issues tickets at any time. Each service may have its own hours, within the hall’s.',
  },
  'admin.config.goTo': {
    vi: 'Mở mục “{section}”',
    en: 'Open “{section}”',
  },
  // end of #13 console dialogs (c2-console).
  'admin.deviceKind.kiosk': {
    vi: 'Máy lấy số',
    en: 'Ticket kiosk',
  },
  'admin.deviceKind.counter': {
    vi: 'Máy tính quầy',
    en: 'Counter terminal',
  },
  'admin.deviceKind.feedback': {
    vi: 'Máy đánh giá',
    en: 'Feedback tablet',
  },
  'admin.deviceKind.display': {
    vi: 'Màn hình gọi số',
    en: 'Hall display',
  },
  'admin.deviceKind.manager': {
    vi: 'Máy quản lý',
    en: 'Manager console',
  },
  'admin.role.kiosk': {
    vi: 'Máy lấy số',
    en: 'Kiosk',
  },
  'admin.role.counter': {
    vi: 'Quầy',
    en: 'Counter',
  },
  'admin.role.feedback': {
    vi: 'Máy đánh giá',
    en: 'Feedback',
  },
  'admin.role.display': {
    vi: 'Màn hình',
    en: 'Display',
  },
  'admin.role.manager': {
    vi: 'Quản lý',
    en: 'Manager',
  },
  'admin.role.system': {
    vi: 'Hệ thống',
    en: 'System',
  },
  'admin.reports.loading': {
    vi: 'Đang tính báo cáo từ {from} đến {to}…',
    en: 'Working out the report from {from} to {to}…',
  },
  'admin.reports.minutesUnit': { vi: ' phút', en: ' min' },
  'admin.reports.from': {
    vi: 'Từ ngày',
    en: 'From',
  },
  'admin.reports.to': {
    vi: 'Đến ngày',
    en: 'To',
  },
  'admin.reports.target': {
    vi: 'Thời gian chờ mong muốn (phút)',
    en: 'Wait goal (minutes)',
  },
  'admin.reports.show': {
    vi: 'Xem báo cáo',
    en: 'Show report',
  },
  'admin.reports.csv': {
    vi: 'Tải CSV',
    en: 'Download CSV',
  },
  'admin.reports.xlsx': {
    vi: 'Tải Excel (XLSX)',
    en: 'Download Excel (XLSX)',
  },
  'admin.reports.issued': {
    vi: 'Số đã cấp',
    en: 'Issued',
  },
  'admin.reports.served': {
    vi: 'Đã phục vụ',
    en: 'Served',
  },
  'admin.reports.noShow': {
    vi: 'Vắng mặt',
    en: 'No-show',
  },
  'admin.reports.transferred': {
    vi: 'Chuyển',
    en: 'Transferred',
  },
  'admin.reports.cancelled': {
    vi: 'Đã hủy',
    en: 'Cancelled',
  },
  'admin.reports.avgWait': {
    vi: 'Chờ trung bình',
    en: 'Average wait',
  },
  'admin.reports.medianWait': {
    vi: 'Một nửa số lượt chờ không quá',
    en: 'Half of waits within',
  },
  'admin.reports.p90Wait': {
    vi: '90% lượt chờ không quá',
    en: '90% of waits within',
  },
  'admin.reports.avgService': {
    vi: 'Phục vụ trung bình',
    en: 'Average service',
  },
  'admin.reports.p90Service': {
    vi: '90% lượt phục vụ không quá',
    en: '90% of services within',
  },
  'admin.reports.onTime': {
    vi: 'Gọi trong {minutes} phút',
    en: 'Called within {minutes} min',
  },
  'admin.reports.satisfied': {
    vi: 'Tỷ lệ hài lòng',
    en: 'Satisfied',
  },
  'admin.reports.ratings': {
    vi: 'Số lượt đánh giá',
    en: 'Ratings',
  },
  'admin.reports.formulaTitle': {
    vi: 'Cách tính tỷ lệ hài lòng',
    en: 'How satisfaction is computed',
  },
  'admin.reports.formula': {
    vi: '% hài lòng = (số lượt đánh giá {levels}) / tổng số lượt đánh giá × 100',
    en: '% satisfied = (ratings {levels}) / all ratings × 100',
  },
  'admin.reports.definitions': {
    vi: 'Thời gian chờ: từ lúc lấy số đến lần gọi đầu tiên. Thời gian phục vụ: từ lúc bắt đầu đến lúc hoàn thành. “Đã phục vụ” là số đã hoàn thành. “90% lượt chờ không quá 12 phút”: xếp các lượt chờ từ ngắn đến dài, 9 trên 10 lượt không quá 12 phút. Ngày tính theo giờ của Trung tâm.',
    en: 'Wait: from taking the ticket to the first call. Service time: from starting to finishing. “Served” means finished. “90% of waits within 12 min”: of every 10 waits, 9 were 12 minutes or less. Days follow the hall’s time zone.',
  },
  'admin.reports.chartArrivals': {
    vi: 'Số đã cấp theo giờ',
    en: 'Tickets issued by hour',
  },
  'admin.reports.chartWaits': {
    vi: 'Thời gian chờ theo dịch vụ (phút)',
    en: 'Waits by service (min)',
  },
  'admin.reports.chartSatisfaction': {
    vi: 'Tỷ lệ hài lòng theo ngày',
    en: 'Satisfaction by day',
  },
  'admin.reports.chartDistribution': {
    vi: 'Phân bố mức đánh giá',
    en: 'Ratings by level',
  },
  'admin.reports.table': {
    vi: 'Bảng số liệu',
    en: 'Figures',
  },
  'admin.reports.by': {
    vi: 'Theo',
    en: 'By',
  },
  'admin.reports.by.day': {
    vi: 'Theo ngày',
    en: 'By day',
  },
  'admin.reports.by.hour': {
    vi: 'Theo giờ',
    en: 'By hour',
  },
  'admin.reports.by.field': {
    vi: 'Theo lĩnh vực',
    en: 'By field',
  },
  'admin.reports.by.service': {
    vi: 'Theo dịch vụ',
    en: 'By service',
  },
  'admin.reports.by.counter': {
    vi: 'Theo quầy',
    en: 'By counter',
  },
  'admin.reports.by.clerk': {
    vi: 'Theo cán bộ',
    en: 'By clerk',
  },
  'admin.audit.type': {
    vi: 'Loại sự kiện',
    en: 'Event type',
  },
  'admin.audit.allTypes': {
    vi: 'Mọi loại sự kiện',
    en: 'All event types',
  },
  'admin.audit.role': {
    vi: 'Vai trò',
    en: 'Role',
  },
  'admin.audit.allRoles': {
    vi: 'Mọi vai trò',
    en: 'All roles',
  },
  'admin.audit.counter': {
    vi: 'Quầy',
    en: 'Counter',
  },
  'admin.audit.allCounters': {
    vi: 'Mọi quầy',
    en: 'All counters',
  },
  'admin.audit.day': {
    vi: 'Ngày',
    en: 'Day',
  },
  'admin.audit.when': {
    vi: 'Thời điểm',
    en: 'When',
  },
  'admin.audit.who': {
    vi: 'Người thực hiện',
    en: 'Who',
  },
  'admin.audit.what': {
    vi: 'Nội dung',
    en: 'What',
  },
  'admin.audit.none': {
    vi: 'Không có mục nào.',
    en: 'No entries.',
  },
  'admin.audit.more': {
    vi: 'Xem thêm',
    en: 'Load more',
  },
  'admin.audit.manager': {
    vi: 'Quản lý',
    en: 'Manager',
  },
  'admin.audit.system': {
    vi: 'Hệ thống',
    en: 'System',
  },
  // ── policy simulator (c3-sim): apps/admin SimulatorScreen ──
  'admin.nav.simulator': { vi: 'Thử nghiệm cách bố trí', en: 'Policy simulator' },
  'admin.sim.intro': {
    vi: 'Chọn một ngày đã qua và một cách bố trí muốn thử: Lượt cho các lượt công dân thực tế của ngày đó đến lại đúng giờ như đã đến, qua đúng quy tắc gọi số của Trung tâm, rồi so sánh với những gì đã thực sự diễn ra.',
    en: 'Pick a past day and a setup to try: Lượt replays that day’s real arrivals, at the times they came, through the hall’s own calling rules, and compares with what really happened.',
  },
  'admin.sim.period': { vi: 'Những ngày chạy lại', en: 'Days to replay' },
  'admin.sim.from': { vi: 'Từ ngày', en: 'From' },
  'admin.sim.to': { vi: 'Đến ngày', en: 'To' },
  'admin.sim.target': { vi: 'Chờ mục tiêu (phút)', en: 'Target wait (min)' },
  'admin.sim.bound': {
    vi: 'Sau bao nhiêu lượt ưu tiên liên tiếp thì gọi một người chờ lâu hơn',
    en: 'Priority calls in a row before a longer-waiting visitor is called',
  },
  'admin.sim.counters': {
    vi: 'Quầy và dịch vụ mỗi quầy phục vụ',
    en: 'Counters and the services each serves',
  },
  'admin.sim.counterIncluded': { vi: 'Mở quầy này', en: 'Use this counter' },
  'admin.sim.opening': { vi: 'Số quầy mở theo giờ', en: 'Counters open by hour' },
  'admin.sim.openingActual': { vi: 'Như thực tế hôm đó', en: 'As they really were' },
  'admin.sim.openingPlan': { vi: 'Theo số quầy mỗi giờ dưới đây', en: 'By the number per hour below' },
  'admin.sim.hour': { vi: 'Giờ {hour}', en: 'Hour {hour}' },
  'admin.sim.serviceTimes': { vi: 'Thời gian phục vụ', en: 'Service times' },
  'admin.sim.serviceTimesSampled': {
    vi: 'Lấy ngẫu nhiên từ số đo của ngày đó (có thể lặp lại)',
    en: 'Drawn from that day’s measurements (reproducible)',
  },
  'admin.sim.serviceTimesRecorded': {
    vi: 'Đúng thời gian của từng công dân hôm đó',
    en: 'Each visitor’s own time that day',
  },
  'admin.sim.expected': {
    vi: 'Thời gian phục vụ dự kiến (phút, để trống: như đo được)',
    en: 'Expected service time (min, empty: as measured)',
  },
  'admin.sim.seed': { vi: 'Số khởi tạo ngẫu nhiên', en: 'Random seed' },
  'admin.sim.run': { vi: 'Chạy thử nghiệm', en: 'Run the simulation' },
  'admin.sim.reset': { vi: 'Đặt lại như cấu hình hiện tại', en: 'Reset to the current setup' },
  'admin.sim.running': { vi: 'Đang chạy thử nghiệm…', en: 'Running the simulation…' },
  'admin.sim.noDays': {
    vi: 'Không có ngày nào có số đã cấp trong khoảng này.',
    en: 'No day in this range has tickets.',
  },
  'admin.sim.days': { vi: 'Các ngày đã chạy lại: {days}', en: 'Days replayed: {days}' },
  'admin.sim.notReplayed': {
    vi: '{count} lượt không chạy lại được (dịch vụ không còn trong cấu hình).',
    en: '{count} arrivals could not be replayed (their service is no longer configured).',
  },
  'admin.sim.real': { vi: 'Thực tế', en: 'Really' },
  'admin.sim.simulated': { vi: 'Thử nghiệm', en: 'Simulated' },
  'admin.sim.summary': { vi: 'Toàn Trung tâm', en: 'Whole hall' },
  'admin.sim.medianWait': { vi: 'Chờ trung vị', en: 'Median wait' },
  'admin.sim.p90Wait': { vi: '90% lượt chờ không quá', en: '90% waited at most' },
  'admin.sim.maxWait': { vi: 'Chờ lâu nhất', en: 'Longest wait' },
  'admin.sim.pastTarget': { vi: 'Số người chờ quá mục tiêu', en: 'Waited past the target' },
  'admin.sim.longestQueue': { vi: 'Hàng chờ dài nhất (người)', en: 'Longest queue (people)' },
  'admin.sim.idle': { vi: 'Thời gian quầy mở mà không có ai', en: 'Counters open with nobody to serve' },
  'admin.sim.byService': { vi: 'Theo dịch vụ', en: 'By service' },
  'admin.sim.byPriority': { vi: 'Theo nhóm ưu tiên', en: 'By priority group' },
  'admin.sim.group': { vi: 'Nhóm', en: 'Group' },
  'admin.sim.visitors': { vi: 'Số công dân', en: 'Visitors' },
  'admin.sim.chartWait': {
    vi: 'Chờ trung bình theo giờ đến (phút)',
    en: 'Average wait by hour of arrival (min)',
  },
  'admin.sim.chartQueue': { vi: 'Hàng chờ dài nhất theo giờ (người)', en: 'Longest queue by hour (people)' },
  'admin.sim.limits': {
    vi: 'Giới hạn: công dân được cho đến đúng giờ như thực tế; người có thể đã bỏ về vì hàng chờ dài không được mô phỏng; người vắng mặt khi được gọi thì cũng vắng mặt trong thử nghiệm.',
    en: 'Limits: arrivals come as they really came; people who might have left a long queue are not modelled; visitors who did not come when called do not come in the simulation either.',
  },
} as const satisfies Record<string, LocalizedText>;

/** The id of a message in {@link messages}. */
export type MessageId = keyof typeof messages;

// Compile-time completeness: a new error code, ticket status or counter status in the domain or the
// contract fails the build here until it has a message in both languages.
type RequiredMessageId =
  `error.${ErrorCode}` | `ticketStatus.${TicketStatus}` | `counterState.${CounterStatus}`;
const _everyCodeHasAMessage: Readonly<Record<RequiredMessageId, LocalizedText>> = messages;

/** The `{name}` placeholders of a message string, as a union of names (`never` when it has none). */
export type PlaceholderName<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholderName<Rest>
  : never;

/** The values a message's placeholders take. */
export type MessageParams<Id extends MessageId> = Readonly<
  Record<PlaceholderName<(typeof messages)[Id]['vi']>, string | number>
>;

/**
 * The trailing arguments of {@link translate}: nothing for a message without placeholders, a params object
 * naming every placeholder otherwise.
 */
export type TranslateParamsArgs<Id extends MessageId> = [
  PlaceholderName<(typeof messages)[Id]['vi']>,
] extends [never]
  ? [params?: Readonly<Record<string, never>>]
  : [params: MessageParams<Id>];

// A compile-time guard: a message whose Vietnamese and English texts disagree on placeholders makes this
// type a union of the offending ids instead of `never`, and the assignment below stops the build.
type MismatchedPlaceholders = {
  [Id in MessageId]: [PlaceholderName<(typeof messages)[Id]['vi']>] extends [
    PlaceholderName<(typeof messages)[Id]['en']>,
  ]
    ? [PlaceholderName<(typeof messages)[Id]['en']>] extends [PlaceholderName<(typeof messages)[Id]['vi']>]
      ? never
      : Id
    : Id;
}[MessageId];
const _placeholdersAgree: [MismatchedPlaceholders] extends [never] ? true : MismatchedPlaceholders = true;

/** The id of a protocol error code's message, e.g. `error.QUOTA_REACHED`. */
export type ErrorMessageId = Extract<MessageId, `error.${string}`>;

/** True when `id` names a message (for ids that arrive as plain strings, such as an error code). */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(messages, id);
}

/**
 * The text of a message in one language, with `{name}` placeholders filled in.
 *
 * A placeholder with no value is left as written (`{name}`) rather than throwing: a slightly odd label is
 * better than a blank hall screen. The type system already requires every value.
 *
 * @example translate('vi', 'ticketStatus.waiting') // 'Đang chờ'
 * @example translate('en', 'call.announcement', { ticket: 'A012', counter: 5 })
 * // 'Ticket A012, please go to counter 5'
 */
export function translate<Id extends MessageId>(
  locale: Locale,
  id: Id,
  ...[params]: TranslateParamsArgs<Id>
): string {
  const text: string = messages[id][locale];
  if (params === undefined) return text;
  const values: Readonly<Record<string, string | number | undefined>> = params;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** Both lines of a message (the domain's `LocalizedText`), Vietnamese first, for bilingual screens. */
export function translateBoth<Id extends MessageId>(id: Id, ...args: TranslateParamsArgs<Id>): LocalizedText {
  return { vi: translate('vi', id, ...args), en: translate('en', id, ...args) };
}

/**
 * The user-facing text for a protocol error code. An unknown code (a newer server, say) gets the
 * generic `error.INTERNAL` text rather than a raw code on a citizen's screen.
 */
export function translateErrorCode(locale: Locale, code: string): string {
  const id = `error.${code}`;
  return translate(locale, isErrorMessageId(id) ? id : 'error.INTERNAL');
}

function isErrorMessageId(id: string): id is ErrorMessageId {
  return id.startsWith('error.') && isMessageId(id);
}

/**
 * A configured name (service, field, counter, priority group) in one language. A hall that left the
 * English name empty (a service added in a hurry) gets the Vietnamese one, never a blank label.
 */
export function localizedName(text: LocalizedText, locale: Locale): string {
  const name = text[locale].trim();
  return name !== '' ? name : text.vi.trim();
}
