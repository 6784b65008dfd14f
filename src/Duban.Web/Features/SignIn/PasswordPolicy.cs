using Duban.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.SignIn;

/// <summary>
/// Beside Identity's length and character rules (10 characters, a digit, a lower-case letter): refuses
/// passwords from the lists people guess first, passwords that contain the login name, and runs such
/// as aaaa, 12345 or abcde.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<Account>
{
    private const int LongestRepeat = 3;
    private const int LongestSequence = 4;
    private const int FewestDistinct = 5;

    /// <summary>Whole passwords and words that lists of leaked passwords start with, in lower case.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pass", "passw0rd", "admin", "administrator", "root", "system", "manager", "server",
        "default", "changeme", "secret", "welcome", "hello", "login", "letmein", "guest", "user", "test",
        "qwerty", "qwer", "asdf", "zxcv", "abc", "abcd", "iloveyou", "love", "woaini", "aini", "monkey", "dragon",
        "master", "sunshine", "princess", "football", "baseball", "shadow", "superman", "michael", "computer",
        "internet", "china", "beijing", "shanghai", "huawei", "xiaomi", "taobao", "baidu", "tencent", "qq",
        "zhang", "wang", "liu", "chen", "li", "yang", "zhao", "huang", "zhou", "wu", "a", "aa", "aaa", "q", "z",
        "1234567890", "0987654321", "1234554321", "1122334455", "5201314520", "1314520520", "a123456789",
        "aa123456789", "qq123456789", "abc1234567", "abcd123456", "woaini1314", "iloveyou1314",
    };

    /// <summary>Keyboard walks, refused wherever they appear.</summary>
    private static readonly string[] Walks =
    [
        "qwerty", "asdfgh", "zxcvbn", "qazwsx", "1qaz2wsx", "1q2w3e4r", "qweasd", "!qaz@wsx", "poiuyt", "lkjhgf", "mnbvcx",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        var lower = password.ToLowerInvariant();
        if (IsCommon(lower))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = l["Password.TooCommon"] });
        }

        if (user.UserName is { Length: >= 3 } name && lower.Contains(name.Trim().ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = l["Password.ContainsUserName"] });
        }

        if (IsRepetitive(lower))
        {
            errors.Add(new IdentityError { Code = "PasswordRepetitive", Description = l["Password.Repetitive"] });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>A listed password, a keyboard walk, or a listed word dressed up: P@ssw0rd2026!, Admin@123456.</summary>
    public static bool IsCommon(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (Common.Contains(lower) || Walks.Any(w => lower.Contains(w, StringComparison.Ordinal)))
        {
            return true;
        }

        var core = lower.Trim(DigitsAndSymbols);
        return core.Length > 0 && Common.Contains(Unleet(core));
    }

    /// <summary>Four of a kind in a row, five in sequence up or down, or fewer than five different characters.</summary>
    public static bool IsRepetitive(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (lower.Distinct().Count() < FewestDistinct)
        {
            return true;
        }

        int same = 1, up = 1, down = 1;
        for (var i = 1; i < lower.Length; i++)
        {
            var step = lower[i] - lower[i - 1];
            same = step == 0 ? same + 1 : 1;
            up = step == 1 ? up + 1 : 1;
            down = step == -1 ? down + 1 : 1;
            if (same > LongestRepeat || up > LongestSequence || down > LongestSequence)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] DigitsAndSymbols = "0123456789!@#$%^&*()-_=+.,;:?/\\|~`'\"[]{}<> ".ToCharArray();

    private static string Unleet(string core) => string.Create(core.Length, core, (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = s[i] switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '1' or '!' => 'i',
                '3' => 'e',
                '$' or '5' => 's',
                '7' => 't',
                _ => s[i],
            };
        }
    });
}
