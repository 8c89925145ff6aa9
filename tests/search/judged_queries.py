"""A judged set of readers' queries over the demo network, typed with and without diacritics:
for each, the titles of the pages that should come first (judged by reading the demo's
articles). sitesearch precision at 5 over it: tests/search/test_judged_queries.py."""

PAIRS = [
    # (with diacritics, without, the pages that answer it)
    ("đồng bào", "dong bao", []),  # the demo has no page about it: nothing should pretend to
    ("giao thừa", "giao thua", [
        "Đón giao thừa ở xứ người, mâm cỗ Tết góp từ nhiều bếp nhỏ",
        "Giao thừa ở phòng biên tập, nơi Tết đến qua từng dòng tin",
    ]),
    ("câu đối Tết", "cau doi tet", ["Những câu đối Tết viết tặng đồng nghiệp suốt mười năm"]),
    ("hiến máu", "hien mau", ["Hiến máu đầu xuân, nét đẹp mới của đoàn viên ngành đo lường"]),
    ("nhà ở xã hội", "nha o xa hoi", ["Đoàn viên trẻ Bộ Nội vụ đề xuất hỗ trợ nhà ở xã hội"]),
    ("mái ấm công đoàn", "mai am cong doan", [
        "Bàn giao nhà Mái ấm công đoàn cho ba đoàn viên trước Tết",
    ]),
    ("lá thư cảm ơn", "la thu cam on", [
        "Lá thư cảm ơn gửi công đoàn từ một gia đình ở Tây Nguyên",
    ]),
    ("Điện Biên", "dien bien", [
        "Lãnh đạo Công đoàn Viên chức Việt Nam thăm đoàn viên tại Điện Biên",
    ]),
    ("hội thao", "hoi thao", ["Hội thao đầu xuân của đoàn viên Viện Hàn lâm Khoa học xã hội"]),
    ("dân tộc học", "dan toc hoc", ["Viện Dân tộc học và cách chăm lo Tết theo từng hoàn cảnh"]),
    ("tủ quà Tết", "tu qua tet", ["Tủ quà Tết tự nguyện: ai cần thì lấy, ai có thì góp"]),
    ("gian hàng sách", "gian hang sach", [
        "Gian hàng sách 0 đồng: nét riêng ở Chợ Tết của các nhà nghiên cứu",
    ]),
    ("lò phản ứng hạt nhân", "lo phan ung hat nhan", [
        "Chúc Tết cán bộ vận hành lò phản ứng hạt nhân Đà Lạt",
    ]),
    ("bác bảo vệ", "bac bao ve", ["Những chuyến xe Tết của bác bảo vệ Trung tâm Lưu trữ quốc gia"]),
    ("cô lao công", "co lao cong", [
        "Cô lao công hai mươi năm và món quà bất ngờ từ phòng thí nghiệm",
    ]),
    ("quỹ hỗ trợ khẩn cấp", "quy ho tro khan cap", [
        "Đề xuất lập quỹ hỗ trợ khẩn cấp cho đoàn viên trẻ",
    ]),
    ("trực Tết", "truc tet", [
        "Lãnh đạo Thông tấn xã thăm, tặng quà những người trực Tết",
        "Chế độ trực Tết cho phóng viên cần được nhìn nhận thỏa đáng hơn",
        "Chiều cuối năm, Công đoàn Viên chức Việt Nam thăm các kíp trực Tết",
    ]),
    ("người lớn tuổi", "nguoi lon tuoi", [
        "Mua sắm Tết qua mạng: tiện lợi nhưng cần thêm hướng dẫn cho người lớn tuổi",
    ]),
    ("con chung của cả cơ quan", "con chung", ["Hai đứa trẻ được gọi là con chung của cả cơ quan"]),
    ("phô thành tích", "pho thanh tich", [
        "Truyền thông chăm lo Tết: kể câu chuyện thật, tránh phô thành tích",
    ]),
    ("Chợ Tết Công đoàn trực tuyến", "cho tet cong doan truc tuyen", [
        "Đoàn viên Bộ Tư pháp làm quen với Chợ Tết Công đoàn trực tuyến",
        "Nên đưa sản phẩm khoa học công nghệ lên Chợ Tết Công đoàn trực tuyến",
        "Đoàn viên khối viên chức hưởng ưu đãi riêng trên Chợ Tết Công đoàn trực tuyến",
    ]),
]  # fmt: skip

QUERIES = [(query, relevant) for with_, without, relevant in PAIRS for query in (with_, without)]
