using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Features.Units;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Accounts;

[Requires(Permission.ManageAccounts)]
public sealed class EditModel(DubanDb db, UserManager<Account> users, ScopeAccessor scopes, SaveAccount save, IStringLocalizer<SharedResource> l) : PageModel
{
    public int? Id { get; private set; }

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Id = id;
        if (id is not null)
        {
            var account = await db.Users.FirstOrDefaultAsync(a => a.Id == id && a.RegionId == scope.RegionId, ct);
            if (account is null)
            {
                return NotFound();
            }

            var dto = await AccountQueries.DtoAsync(users, account);
            Input = new AccountInput { UserName = dto.UserName, DisplayName = dto.DisplayName, UnitId = dto.UnitId, PersonId = dto.PersonId, Roles = dto.Roles, IsLocked = dto.IsLocked };
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var outcome = await save.RunAsync(id, Input, ct);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Flash"] = l["Common.Saved"].Value;
                return RedirectToPage("/Accounts/Index");
            }

            outcome.Errors!.CopyTo(ModelState, "Input.");
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Units = await UnitQueries.ChoicesAsync(db, scope, ct);
        People = await db.People.VisibleTo(db, scope).AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.UnitId).ThenBy(p => p.Id).ToListAsync(ct);
    }
}
