#include <nlohmann/json.hpp>

#include "http/problem.hpp"

namespace hocvu::http {

ErrorMapping MapError(Code code) {
    switch (code) {
        case Code::kBadRequest: return {400, "Yêu cầu không hợp lệ"};
        case Code::kInvalidJson: return {400, "Dữ liệu JSON không hợp lệ"};
        case Code::kValidation: return {422, "Dữ liệu không hợp lệ"};
        case Code::kNotFound: return {404, "Không tìm thấy"};
        case Code::kMethodNotAllowed: return {405, "Phương thức không được hỗ trợ"};
        case Code::kPayloadTooLarge: return {413, "Dữ liệu gửi lên quá lớn"};
        case Code::kHeadersTooLarge: return {431, "Phần đầu yêu cầu quá lớn"};
        case Code::kUnauthenticated: return {401, "Chưa đăng nhập"};
        case Code::kForbidden: return {403, "Không có quyền thực hiện"};
        case Code::kConflict: return {409, "Dữ liệu đã bị thay đổi bởi người khác"};
        case Code::kUnavailable: return {503, "Hệ thống tạm thời không phục vụ được"};
        case Code::kDbUnreachable: return {503, "Không kết nối được cơ sở dữ liệu"};
        case Code::kDbSchemaNewer: return {503, "Cơ sở dữ liệu thuộc phiên bản mới hơn"};
        case Code::kDbConstraint: return {409, "Dữ liệu vi phạm ràng buộc"};
        case Code::kDbFailure: return {500, "Lỗi cơ sở dữ liệu"};
        case Code::kInternal: return {500, "Lỗi hệ thống"};
        case Code::kInvalidCredentials: return {401, "Tên đăng nhập hoặc mật khẩu không đúng"};
        case Code::kPasswordPolicy: return {422, "Mật khẩu không đáp ứng yêu cầu an toàn"};
        case Code::kPasswordChangeRequired: return {403, "Cần đổi mật khẩu trước khi tiếp tục"};
        case Code::kRateLimited: return {429, "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau"};
        case Code::kCsrf: return {403, "Thiếu hoặc sai mã chống giả mạo yêu cầu"};
        case Code::kTotpRequired: return {401, "Cần mã xác thực hai lớp"};
        case Code::kTotpInvalid: return {401, "Mã xác thực hai lớp không đúng"};
        case Code::kStepUpRequired: return {403, "Cần nhập mã xác thực hai lớp để thực hiện thao tác này"};
        case Code::kAccountDisabled: return {403, "Tài khoản đã bị khóa"};
        case Code::kModuleLocked: return {423, "Chức năng đang bị khóa tại đơn vị"};
        case Code::kGradebookWindowClosed: return {403, "Đã hết thời hạn nhập điểm, cần yêu cầu điều chỉnh"};
        case Code::kGradebookLocked: return {423, "Bảng điểm đã bị khóa"};
        case Code::kGradebookConflict: return {409, "Điểm đã được người khác thay đổi"};
        case Code::kHomeroomNotHomeroom: return {403, "Chỉ giáo viên chủ nhiệm của lớp hoặc Ban giám hiệu được thực hiện"};
        case Code::kHomeroomConflict: return {409, "Dữ liệu của lớp đã được người khác thay đổi"};
        case Code::kHomeroomLocked: return {423, "Kết quả cuối năm của lớp đã được duyệt và khóa"};
        case Code::kHomeroomIncomplete: return {409, "Kết quả của lớp còn thiếu, chưa thể xác nhận"};
        case Code::kHomeroomUnconfirmedSheets: return {409, "Còn bảng điểm môn học chưa được giáo viên bộ môn xác nhận"};
        case Code::kHomeroomOverrideNotAllowed: return {422, "Quy chế không cho phép điều chỉnh kết quả này"};
        case Code::kHomeroomNotSubmitted: return {409, "Giáo viên chủ nhiệm chưa gửi danh sách cuối năm"};
        case Code::kHomeroomNotApproved: return {409, "Danh sách cuối năm của lớp chưa được Hiệu trưởng duyệt"};
        case Code::kHomeroomOutcomePending: return {409, "Còn học sinh chưa có kết quả sau kiểm tra lại hoặc rèn luyện hè"};
    }
    return {500, "Lỗi hệ thống"};
}

Response Problem(Code code, const std::string& detail) {
    ErrorMapping mapping = MapError(code);
    nlohmann::json body = {
        {"type", "about:blank"},
        {"title", mapping.title},
        {"status", mapping.status},
        {"code", Name(code)},
    };
    if (!detail.empty()) {
        body["detail"] = detail;
    }
    return Response{mapping.status, "application/problem+json",
                    body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {}};
}

}  // namespace hocvu::http
