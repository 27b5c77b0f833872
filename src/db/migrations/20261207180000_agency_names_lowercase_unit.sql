-- Inside an agency's name the unit word is a common noun: "Ủy ban nhân dân tỉnh Cao Bằng", "Ủy ban nhân dân
-- thành phố Hà Nội" (issue 17 §3), not "… Tỉnh …" / "… Thành phố …" as the first seed wrote them. Only the
-- Vietnamese name changes; ids, kinds and successors stay as they are.
update agencies
set name_vi = regexp_replace(name_vi, '^Ủy ban nhân dân Tỉnh ', 'Ủy ban nhân dân tỉnh ')
where name_vi ~ '^Ủy ban nhân dân Tỉnh ';

update agencies
set name_vi = regexp_replace(name_vi, '^Ủy ban nhân dân Thành phố ', 'Ủy ban nhân dân thành phố ')
where name_vi ~ '^Ủy ban nhân dân Thành phố ';
