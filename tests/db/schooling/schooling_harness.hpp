#pragma once

#include <fstream>
#include <sstream>

#include "org_harness.hpp"
#include "people/register.hpp"
#include "schooling/demo.hpp"
#include "schooling/register.hpp"

namespace hocvu::schooling::testing {

using org::testing::Reply;
using org::testing::Session;
using org::testing::Str;

/// The org, people and schooling routes on a fresh database with the demo province and its 2026-2027 year.
class SchoolingApiTest : public org::testing::OrgApiTest {
protected:
    void SetUp() override {
        OrgApiTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        people::Register(router_, ctx());
        schooling::Register(router_, ctx());
        db().Write([&](storage::Tx& tx) { CreateDemoSchoolYear(tx, ctx()); });
    }

    /// A request whose body is a file's bytes (imports).
    Reply SendRaw(const std::string& method, const std::string& target, const std::string& body,
                  const Session& session) {
        http::Request request;
        request.method = method;
        request.target = target;
        std::size_t q = target.find('?');
        request.path = target.substr(0, q);
        request.query_string = q == std::string::npos ? "" : target.substr(q + 1);
        request.client_address = client_address_;
        request.headers.emplace_back("host", "127.0.0.1:8080");
        request.headers.emplace_back("cookie", "hocvu_session=" + session.token);
        request.headers.emplace_back("x-csrf-token", session.csrf);
        request.body = body;
        http::Fields params;
        auto match = router_.Find(method, request.path, params);
        http::Response response;
        request.path_params = params;
        try {
            response = (*match.handler)(request);
        } catch (const Error& e) {
            response = http::Problem(e.code(), e.what());
        }
        Reply reply;
        reply.status = response.status;
        if (!response.body.empty())
            reply.body = nlohmann::json::parse(response.body);
        if (response.content_type == "application/problem+json")
            reply.code = reply.body.value("code", "");
        return reply;
    }

    static std::string Golden(const std::string& name) {
        std::ifstream file(std::string(HOCVU_IMPORT_GOLDEN) + "/" + name, std::ios::binary);
        EXPECT_TRUE(file.good()) << name;
        std::stringstream buffer;
        buffer << file.rdbuf();
        return buffer.str();
    }

    std::int64_t Count(const std::string& sql, const storage::Params& params = {}) {
        return db().Read([&](storage::Tx& tx) { return tx.QueryOne(sql, params)->Int(0); });
    }

    /// Class id by school code and class name in 2026-2027.
    std::string ClassId(const std::string& school, const std::string& name) {
        return Str(db().Read([&](storage::Tx& tx) {
            return tx
                .QueryOne(
                    "SELECT c.id FROM classes c JOIN units u ON u.id = c.unit_id WHERE u.code = $1 AND "
                    "c.name = $2",
                    {school, name})
                ->Int(0);
        }));
    }

    std::vector<std::string> Names(const Reply& reply) {
        std::vector<std::string> out;
        for (const auto& item : reply.body["items"])
            out.push_back(item["full_name"].get<std::string>());
        return out;
    }

    static constexpr const char* kThcsAdmin = "gianghia_thcsledinhchinh";
    static constexpr const char* kThptAdmin = "gianghia_thptchuvanan";
    static constexpr const char* kOtherThcsAdmin = "dakmil_thcsnguyendu";
};

}  // namespace hocvu::schooling::testing
