using Duban.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.SignIn;

/// <summary>
/// The second step of signing in, after the password: Identity keeps the sign-in in progress in a cookie
/// of its own for five minutes. Every refusal says the same thing; attempts are limited as the password's are.
/// </summary>
public abstract class SecondSignInStep(SignInManager<Account> signIn, DubanDb db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/SignIn/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null)
        {
            return RedirectToPage("/SignIn/Login");
        }

        var code = Normalize(Code ?? string.Empty);
        var result = code.Length == 0 ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await SignInAsync(signIn, code);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, l["LoginWith2fa.Failed"]);
            return Page();
        }

        return await LoginModel.SignedInAsync(db, clock, account.Id, ReturnUrl, Url);
    }

    protected abstract string Normalize(string code);

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<Account> signIn, string code);
}

/// <summary>The six digits the authenticator app shows now.</summary>
public sealed class LoginWith2faModel(SignInManager<Account> signIn, DubanDb db, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : SecondSignInStep(signIn, db, clock, l)
{
    protected override string Normalize(string code) => TwoFactorModel.Normalize(code);

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<Account> signIn, string code) =>
        signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
}
