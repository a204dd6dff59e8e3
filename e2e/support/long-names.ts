// The longest names a hall really has, for layout tests: a Vietnamese procedure name of 200 characters
// (they are that long) and a clerk's full name of 60.

/** A service name of exactly 200 characters. */
export const LONG_SERVICE_NAME = (
  'Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu ' +
  'cho hộ gia đình, cá nhân đã được cấp giấy chứng nhận trước ngày Luật Đất đai năm 2024 có hiệu lực thi hành'
).slice(0, 200);

/** A clerk's name of exactly 60 characters. */
export const LONG_CLERK_NAME = 'Tôn Nữ Hoàng Ngọc Phương Thảo Nguyễn Thị Minh Khuê Lê Bảo Ân';
