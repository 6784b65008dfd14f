using System.Security.Claims;
using Duban.Data;
using Duban.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Duban.Web.Features.SignIn;

/// <summary>
/// Two-factor sign-in with an authenticator app: scan or type the key, prove it with a code, keep the
/// recovery codes (shown once). Enabling or disabling renews the account's security stamp, which ends
/// its other sessions; this one is signed in again.
/// </summary>
public sealed class TwoFactorModel(UserManager<Account> users, SignInManager<Account> signIn, IOptions<SecurityOptions> security, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string? SharedKey { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public string? QrSvg { get; private set; }

    /// <summary>Set only on the response that made them: they are never shown again.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        var token = Normalize(code);
        if (token.Length == 0 || !await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, token))
        {
            ModelState.AddModelError("Code", l["TwoFactor.WrongCode"]);
            await LoadAsync(account);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(TwoFactorRequirement.MethodClaim, TwoFactorRequirement.WithTwoFactors)]);
        await LoadAsync(account);
        RecoveryCodes = [.. codes ?? []];
        TempData["Flash"] = l["TwoFactor.Enabled"].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        if (!account.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount);
        await LoadAsync(account);
        RecoveryCodes = [.. codes ?? []];
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(account, false);

        // A new key, so that whoever copied the old one cannot use it when two factors come back on.
        await users.ResetAuthenticatorKeyAsync(account);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(TwoFactorRequirement.MethodClaim, TwoFactorRequirement.WithPassword)]);
        TempData["Flash"] = l["TwoFactor.Disabled"].Value;
        return RedirectToPage();
    }

    internal static string Normalize(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();

    private async Task LoadAsync(Account account)
    {
        Enabled = account.TwoFactorEnabled;
        Required = TwoFactorRequirement.IsRequired(User, security.Value.TwoFactorRoles);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(account) : 0;
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            // Making the key renews the security stamp: keep this session.
            await users.ResetAuthenticatorKeyAsync(account);
            await signIn.RefreshSignInAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }

        SharedKey = AuthenticatorKey.Format(key!);
        AuthenticatorUri = AuthenticatorKey.Uri(account.UserName!, key!);
        QrSvg = AuthenticatorKey.QrSvg(AuthenticatorUri, l["TwoFactor.QrLabel"]);
    }
}
