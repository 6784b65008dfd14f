using Duban.Data;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.SignIn;

/// <summary>
/// A person's own API tokens. The token itself is shown once, when made; it expires after the days chosen
/// then. Only a signed-in person reaches this page: pages never accept a token (ServiceSetup).
/// </summary>
public sealed class TokensModel(DubanDb db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly int[] DayChoices = [30, ApiTokenAuthentication.DefaultDays, 180, ApiTokenAuthentication.MaxDays];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? name, int? days)
    {
        name = name?.Trim();
        var lifetime = days ?? ApiTokenAuthentication.DefaultDays;
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            ModelState.AddModelError("Name", string.IsNullOrEmpty(name) ? l["Validation.Required"] : l["Validation.MaxLength", 100]);
        }

        if (lifetime is < 1 or > ApiTokenAuthentication.MaxDays)
        {
            ModelState.AddModelError("Days", l["Tokens.DaysRange", ApiTokenAuthentication.MaxDays]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var token = ApiTokenAuthentication.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        db.ApiTokens.Add(new ApiToken
        {
            AccountId = User.AccountId()!.Value,
            Name = name!,
            Prefix = token[..10],
            Hash = ApiTokenAuthentication.HashOf(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(lifetime),
        });
        await db.SaveChangesAsync();
        NewToken = token;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var accountId = User.AccountId()!.Value;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.AccountId == accountId);
        if (token is null)
        {
            return NotFound();
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var accountId = User.AccountId()!.Value;
        Now = clock.GetUtcNow().UtcDateTime;
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == accountId).OrderByDescending(t => t.Id).ToListAsync();
    }
}
