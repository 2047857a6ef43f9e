#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hocvu {

/// Half-up division of a non-negative exact rational `numerator / denominator` to the nearest integer
/// (ties away from zero), as "làm tròn số" is taught in Vietnamese schools (regulations.md §8-A1).
/// Both arguments must be non-negative and the denominator positive.
[[nodiscard]] constexpr std::int64_t DivideRoundHalfUp(std::int64_t numerator, std::int64_t denominator) {
    return (2 * numerator + denominator) / (2 * denominator);
}

/// An exact score in tenths of a point: 7.5 is stored as 75. Scores use 0–100 (0.0–10.0); sums of scores
/// may exceed that range. No binary floating point is ever involved.
class Tenths {
public:
    /// The largest score on the 10-point scale, 10.0.
    static constexpr std::int32_t kMaxScore = 100;

    constexpr Tenths() = default;

    /// A value given directly in tenths (75 is 7.5).
    [[nodiscard]] static constexpr Tenths FromTenths(std::int32_t tenths) { return Tenths(tenths); }

    /// A whole number of points (7 is 7.0).
    [[nodiscard]] static constexpr Tenths FromPoints(std::int32_t points) { return Tenths(points * 10); }

    /// The exact rational `numerator_tenths / denominator` (a value in tenths divided by a count), rounded half
    /// up to one decimal (regulations.md §8-A1). Requires a non-negative numerator and a positive denominator.
    [[nodiscard]] static constexpr Tenths RoundHalfUp(std::int64_t numerator_tenths, std::int64_t denominator) {
        return Tenths(static_cast<std::int32_t>(DivideRoundHalfUp(numerator_tenths, denominator)));
    }

    /// Parses a score written as "7", "7.5" or "7,5" (at most one decimal, no sign, no exponent, value 0–10).
    /// Returns nothing for any other text, including "7.55", "11" or "-1".
    [[nodiscard]] static constexpr std::optional<Tenths> ParseScore(std::string_view text) {
        std::optional<Tenths> value = ParseDecimal(text);
        if (!value || value->tenths_ > kMaxScore) {
            return std::nullopt;
        }
        return value;
    }

    /// Parses a non-negative decimal with at most one decimal digit ("12", "0.5", "3,0"), of any size that fits.
    /// Returns nothing for signs, exponents, more decimals, empty parts or other characters.
    [[nodiscard]] static constexpr std::optional<Tenths> ParseDecimal(std::string_view text) {
        constexpr std::int32_t kLimit = 100'000'000;
        std::int32_t whole = 0;
        std::size_t i = 0;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            whole = whole * 10 + (text[i] - '0');
            if (whole > kLimit) {
                return std::nullopt;
            }
        }
        if (i == 0) {
            return std::nullopt;
        }
        std::int32_t decimal = 0;
        if (i < text.size()) {
            if (text[i] != '.' && text[i] != ',') {
                return std::nullopt;
            }
            ++i;
            if (i + 1 != text.size() || text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            decimal = text[i] - '0';
        }
        return Tenths(whole * 10 + decimal);
    }

    /// The value in tenths.
    [[nodiscard]] constexpr std::int32_t tenths() const { return tenths_; }

    /// "8.0", "10.0", "0.5": always exactly one decimal, '.' as separator (machine output).
    [[nodiscard]] std::string ToString() const { return Format('.'); }

    /// "8,0": the Vietnamese way of writing a decimal, for explanations shown to users.
    [[nodiscard]] std::string ToVietnamese() const { return Format(','); }

    /// Writes the value with exactly one decimal and the given separator.
    [[nodiscard]] std::string Format(char separator) const {
        std::int32_t magnitude = tenths_ < 0 ? -tenths_ : tenths_;
        std::string text = tenths_ < 0 ? "-" : "";
        text += std::to_string(magnitude / 10);
        text += separator;
        text += static_cast<char>('0' + magnitude % 10);
        return text;
    }

    friend constexpr Tenths operator+(Tenths a, Tenths b) { return Tenths(a.tenths_ + b.tenths_); }
    friend constexpr auto operator<=>(Tenths a, Tenths b) = default;

private:
    constexpr explicit Tenths(std::int32_t tenths) : tenths_(tenths) {}

    std::int32_t tenths_ = 0;
};

}  // namespace hocvu
