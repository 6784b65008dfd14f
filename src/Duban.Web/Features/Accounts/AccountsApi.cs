using System.Globalization;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Accounts;

public sealed record MeDto(int Id, string UserName, string DisplayName, int RegionId, int? UnitId, int? PersonId, IReadOnlyList<string> Roles, bool RegionWide, IReadOnlyList<string> UnitPaths);

public static class AccountsApi
{
    public static void MapMe(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", async Task<Ok<MeDto>> (HttpContext http, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var user = http.User;
            var roles = user.Claims.Where(c => c.Type == System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
            return TypedResults.Ok(new MeDto(user.AccountId()!.Value, user.Identity!.Name!, user.DisplayNameOf(), scope.RegionId, user.UnitId(), user.PersonId(), roles, scope.RegionWide, scope.UnitPaths));
        }).WithTags("Accounts").Requires(Permission.OwnAccount);
    }

    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/accounts").WithTags("Accounts");

        group.MapGet("/", async Task<Ok<List<AccountDto>>> (DubanDb db, UserManager<Account> users, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var accounts = await db.Users.Where(a => a.RegionId == scope.RegionId).OrderBy(a => a.UserName).ToListAsync(ct);
            var list = new List<AccountDto>(accounts.Count);
            foreach (var a in accounts)
            {
                list.Add(await AccountQueries.DtoAsync(users, a));
            }

            return TypedResults.Ok(list);
        }).Requires(Permission.ManageAccounts);

        group.MapGet("/{id:int}", async Task<Results<Ok<AccountDto>, NotFound>> (int id, DubanDb db, UserManager<Account> users, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var account = await db.Users.FirstOrDefaultAsync(a => a.Id == id && a.RegionId == scope.RegionId, ct);
            return account is null ? TypedResults.NotFound() : TypedResults.Ok(await AccountQueries.DtoAsync(users, account));
        }).Requires(Permission.ManageAccounts);

        group.MapPost("/", async Task<Results<Created<AccountDto>, ValidationProblem, NotFound>> (AccountInput input, SaveAccount save, CancellationToken ct) =>
            (await save.RunAsync(null, input, ct)).ToCreated(a => a, a => "/api/v1/accounts/" + a.Id.ToString(CultureInfo.InvariantCulture)))
            .Requires(Permission.ManageAccounts);

        group.MapPut("/{id:int}", async Task<Results<Ok<AccountDto>, ValidationProblem, NotFound>> (int id, AccountInput input, SaveAccount save, CancellationToken ct) =>
            (await save.RunAsync(id, input, ct)).ToOk(a => a))
            .Requires(Permission.ManageAccounts);
    }
}
