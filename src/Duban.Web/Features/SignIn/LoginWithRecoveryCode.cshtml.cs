using Duban.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.SignIn;

/// <summary>The second step without the phone: one of the recovery codes, each good once.</summary>
public sealed class LoginWithRecoveryCodeModel(SignInManager<Account> signIn, DubanDb db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : SecondSignInStep(signIn, db, clock, l)
{
    protected override string Normalize(string code) => code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();

    protected override Task<SignInResult> SignInAsync(SignInManager<Account> signIn, string code) => signIn.TwoFactorRecoveryCodeSignInAsync(code);
}
