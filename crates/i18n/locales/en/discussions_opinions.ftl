## Opinion voting in discussions: the statements stage, the voting page,
## the opinion map and the officers' and moderators' list of statements.

statements-heading = Statements to vote on
statements-lead = Vote agree, disagree or pass on short statements, one at a time, and add your own. The opinion map shows how people’s views group together.
statements-vote-link = Vote on statements
statements-results-link = See the opinion map
vote-title = Vote on statements
vote-lead = Read each statement and say whether you agree, disagree or want to pass. You can change a vote by voting on the statement again: your last vote counts.
vote-progress = { $total ->
    [0] There are no statements to vote on yet.
   *[other] You have voted on { $voted } of { $total } statements.
}
vote-card-caption = Statement to vote on
vote-agree = Agree
vote-disagree = Disagree
vote-pass = Pass
vote-yours-heading = Your votes
vote-yours-agree = You agreed.
vote-yours-disagree = You disagreed.
vote-yours-pass = You passed.
vote-change-agree = Change to agree
vote-change-disagree = Change to disagree
vote-change-pass = Change to pass
vote-all-done = You have voted on all statements. Thank you. Come back later for new ones, or add your own below.
vote-none-yet = There are no statements yet. You can add the first one below.
vote-sign-in = Sign in to vote and add statements
vote-results-link = See the opinion map
statement-add-heading = Add a statement
statement-field-text = Your statement
statement-field-hint = One short point others can agree or disagree with, up to 280 characters. Statements follow the house rules and may wait for a moderator.
statement-submit-button = Submit statement
statement-error-empty = Write your statement
statement-error-too-long = Your statement must be { $limit } characters or fewer
done-vote-recorded = Your vote has been recorded.
done-statement-submitted = Your statement has been added. Others can now vote on it.
done-statement-held = Your statement has been sent. It will be shown once a moderator has looked at it.
done-statements-stage-added = The statements stage has been added.
done-statements-stage-removed = The statements stage has been removed. Its statements and votes are kept.
done-statement-decided = Your decision has been recorded.
statement-state-published = Open for votes
statement-state-awaiting_moderation = Waiting for a moderator
statement-state-hidden = Hidden by a moderator
statement-state-removed_with_account = Removed with its author’s account
reason-statement_not_votable = This statement is not open for votes: it is waiting for a moderator or has been hidden.
data-statements = Your statements for opinion voting
data-votes = Your votes on statements
data-vote-statement = Statement
data-vote = Your vote

opinions-title = Opinion map
opinions-counts = { $voters ->
    [one] One person has voted, { $votes ->
        [one] once
       *[other] { $votes } times
    }.
   *[other] { $voters } people have voted, { $votes ->
        [one] once
       *[other] { $votes } times
    } in all.
}
# $min is the votes that place a voter on the map (at most 7).
opinions-unplaced = { $unplaced ->
    [one] One of them is in no group: they voted on fewer than { $min } statements, too few to place on the map. The groups hold the other { $placed }.
   *[other] { $unplaced } of them are in no group: each voted on fewer than { $min } statements, too few to place on the map. The groups hold the other { $placed }.
}
opinions-updated = The map was last drawn { $when }.
opinions-not-computed = The opinion map has not been drawn yet. It is drawn again a moment after new votes arrive.
opinions-not-enough = Not enough votes yet to find groups. Groups appear once at least four people have each voted on several statements, and their votes differ.
opinions-no-votes-yet = There are not enough votes yet to draw an opinion map: nobody has voted on the statements so far. The map appears once people have voted.
opinions-no-votes-closed = There is no opinion map: nobody voted on the statements before the discussion closed.
opinions-map-title = Opinion map: where people stand, by how they voted
opinions-map-desc = { $people ->
    [one] One person
   *[other] { $people } people
} in { $groups ->
    [one] one group
   *[other] { $groups } groups
}. People who voted alike are close together.
opinions-map-desc-group = { $group }: { $count ->
    [one] one person
   *[other] { $count } people
}.
opinions-groups-caption = Opinion groups
opinions-group = Group
opinions-group-size = People
opinions-group-position = Where on the map
opinions-group-0 = Group A
opinions-group-1 = Group B
opinions-group-2 = Group C
opinions-group-3 = Group D
opinions-group-4 = Group E
opinions-people = { $count ->
    [one] One person
   *[other] { $count } people
}
opinions-position = { $across }, { $up }
opinions-left = left
opinions-centre = centre
opinions-right = right
opinions-top = top
opinions-middle = middle
opinions-bottom = bottom
opinions-group-statements = what sets the group apart
opinions-statement = Statement
opinions-stance = The group
opinions-stance-agree = Agrees
opinions-stance-disagree = Disagrees
opinions-group-agreement = { $group } agrees
opinions-percent = { $percent }%
opinions-no-votes = No votes
opinions-consensus-caption = What most people agree on, across groups
opinions-consensus-agree = { $percent }% agree
opinions-consensus-disagree = { $percent }% disagree
opinions-bridging-caption = Statements that bridge the groups
opinions-bridging-share = { $percent }% agree in the least agreeing group
opinions-share = How many
opinions-explained-map = Each dot is a person who voted; people who voted alike are close together. The groups are found from the votes alone.
opinions-explained-groups = Groups are described only by how their members voted. Nobody is placed in a group by who they are.
opinions-vote-link = Vote on statements

statements-staff-title = Statements
statements-staff-link = Statements and opinion voting
statements-staff-stage-on = This discussion has a statements stage: residents can add statements and vote on them.
statements-staff-stage-off = This discussion has no statements stage.
statements-staff-add-stage = Add a statements stage
statements-staff-remove-stage = Remove the statements stage
statement-seed-field = Add a starting statement
statement-seed-hint = It is published at once for residents to vote on, without waiting for a moderator. One short point on one line, up to 280 characters. Residents’ own statements still wait for a moderator where the rules say so.
statement-seed-button = Add starting statement
statement-seed-error-empty = Write the starting statement
statement-seed-error-too-long = The starting statement must be { $limit } characters or fewer
done-statement-seeded = The starting statement has been added and published: residents can vote on it while the discussion is open.
statements-staff-caption = Statements
statements-staff-number = Number
statements-staff-state = Where it stands
statements-staff-decide = Decision
statements-staff-approve = Approve statement { $number }
statements-staff-hide = Hide statement { $number }
statements-staff-empty = No statements yet.
statements-staff-seeded-caption = Starting statements added
statements-staff-seeded-empty = No starting statements yet: add one so that the first voters find statements to vote on.
statements-staff-results = See the opinion map
statements-staff-export-comments = Download the statements (Pol.is comments.csv)
statements-staff-export-votes = Download the votes (Pol.is votes.csv)
statements-lead-closed = Voting on statements closed with the discussion. Its results are on the opinion map.
statements-vote-link-closed = See the statements and your votes
statements-closed-notice = This discussion has closed, and so has voting on its statements. You can still see the statements and the opinion map.
