using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Accounts;

public sealed record AccountInput
{
    public string? UserName { get; init; }
    public string? DisplayName { get; init; }
    public int? UnitId { get; init; }
    public int? PersonId { get; init; }
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Required for a new account; on an existing one, a value resets the password.</summary>
    public string? Password { get; init; }

    public bool IsLocked { get; init; }
}

public sealed record AccountDto(int Id, string UserName, string DisplayName, int? UnitId, int? PersonId, IReadOnlyList<string> Roles, bool IsLocked, DateTime? LastSignInAt);

/// <summary>Creates or changes a sign-in account of the administrator's own region.</summary>
public sealed class SaveAccount(DubanDb db, UserManager<Account> users, ScopeAccessor scopes, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<AccountDto>> RunAsync(int? id, AccountInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageAccounts);
        Account? account = null;
        if (id is not null)
        {
            account = await db.Users.FirstOrDefaultAsync(a => a.Id == id && a.RegionId == scope.RegionId, ct);
            if (account is null)
            {
                return Outcome<AccountDto>.NotFound();
            }
        }

        var errors = new ValidationErrors();
        var userName = input.UserName?.Trim();
        if (string.IsNullOrEmpty(userName))
        {
            errors.Add(nameof(AccountInput.UserName), l["Validation.Required"]);
        }

        var displayName = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName))
        {
            errors.Add(nameof(AccountInput.DisplayName), l["Validation.Required"]);
        }
        else if (displayName.Length > 100)
        {
            errors.Add(nameof(AccountInput.DisplayName), l["Validation.MaxLength", 100]);
        }

        var roles = (input.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            errors.Add(nameof(AccountInput.Roles), l["Accounts.RoleRequired"]);
        }
        else if (roles.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add(nameof(AccountInput.Roles), l["Accounts.UnknownRole"]);
        }

        // An auditor reads the audit trail, not a unit's work: it needs no unit, and without one sees none.
        var auditorOnly = roles.Count > 0 && roles.TrueForAll(r => r == Roles.Auditor);
        if (input.UnitId is null)
        {
            if (!auditorOnly)
            {
                errors.Add(nameof(AccountInput.UnitId), l["Validation.Required"]);
            }
        }
        else if (!await db.Units.AnyAsync(u => u.Id == input.UnitId && u.RegionId == scope.RegionId, ct))
        {
            errors.Add(nameof(AccountInput.UnitId), l["Units.NotFound"]);
        }

        if (input.PersonId is not null && !await db.People.AnyAsync(p => p.Id == input.PersonId && p.RegionId == scope.RegionId, ct))
        {
            errors.Add(nameof(AccountInput.PersonId), l["People.NotFound"]);
        }

        if (account is null && string.IsNullOrEmpty(input.Password))
        {
            errors.Add(nameof(AccountInput.Password), l["Validation.Required"]);
        }

        if (!string.IsNullOrEmpty(input.Password))
        {
            foreach (var validator in users.PasswordValidators)
            {
                // The name being saved, so that a password containing it is refused on creation too.
                var probe = new Account { UserName = userName, DisplayName = displayName ?? string.Empty };
                var check = await validator.ValidateAsync(users, probe, input.Password);
                foreach (var error in check.Errors)
                {
                    errors.Add(nameof(AccountInput.Password), error.Description);
                }
            }
        }

        if (errors.Any)
        {
            return Outcome<AccountDto>.Invalid(errors);
        }

        // Identity writes through its own SaveChanges calls; one transaction keeps the account,
        // its roles and its audit rows all-or-nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IdentityResult result;
        var existing = account is not null;
        var moved = account is not null && (account.UnitId != input.UnitId || account.PersonId != input.PersonId);
        var rolesChanged = false;
        var lockedNow = false;
        if (account is null)
        {
            account = new Account { UserName = userName, DisplayName = displayName!, RegionId = scope.RegionId, CreatedAt = clock.GetUtcNow().UtcDateTime };
            account.UnitId = input.UnitId;
            account.PersonId = input.PersonId;
            result = await users.CreateAsync(account, input.Password!);
        }
        else
        {
            account.UserName = userName;
            account.DisplayName = displayName!;
            account.UnitId = input.UnitId;
            account.PersonId = input.PersonId;
            result = await users.UpdateAsync(account);
            if (result.Succeeded && !string.IsNullOrEmpty(input.Password))
            {
                var token = await users.GeneratePasswordResetTokenAsync(account);
                result = await users.ResetPasswordAsync(account, token, input.Password);
            }
        }

        if (result.Succeeded)
        {
            var current = await users.GetRolesAsync(account);
            var remove = current.Except(roles).ToList();
            var add = roles.Except(current).ToList();
            rolesChanged = remove.Count > 0 || add.Count > 0;
            result = remove.Count > 0 ? await users.RemoveFromRolesAsync(account, remove) : IdentityResult.Success;
            if (result.Succeeded && add.Count > 0)
            {
                result = await users.AddToRolesAsync(account, add);
            }
        }

        if (result.Succeeded)
        {
            var lockedUntil = input.IsLocked ? DateTimeOffset.MaxValue : (DateTimeOffset?)null;
            if (input.IsLocked != await users.IsLockedOutAsync(account))
            {
                lockedNow = input.IsLocked;
                result = await users.SetLockoutEndDateAsync(account, lockedUntil);
                if (result.Succeeded && !input.IsLocked)
                {
                    result = await users.ResetAccessFailedCountAsync(account);
                }
            }
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            foreach (var error in result.Errors)
            {
                errors.Add(error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(AccountInput.UserName) : string.Empty, error.Description);
            }

            return Outcome<AccountDto>.Invalid(errors);
        }

        // Whoever holds a session or a token of this account signs in again, as what it is now.
        if (existing && (moved || rolesChanged || lockedNow || !string.IsNullOrEmpty(input.Password)))
        {
            await Sessions.EndAsync(users, db, account, clock.GetUtcNow().UtcDateTime, ct);
        }

        await transaction.CommitAsync(ct);
        return Outcome<AccountDto>.Ok(await AccountQueries.DtoAsync(users, account));
    }
}
